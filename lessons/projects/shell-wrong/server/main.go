// WRONG: the remote command server that hands the client's text to a
// shell (Python's subprocess.Popen(cmd, shell=True)). The shell obeys
// ; && | $( ) and more, so one "command" can be many. It runs in a
// fresh temporary folder, removed at the end: the damage stays there.
// Unix only: it runs sh. On Windows the shell is cmd.exe /c, which
// obeys & | and more in the same way.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/exec"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	if err := serve(*addr); err != nil {
		log.Fatal(err)
	}
}

func serve(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	conn, err := ln.Accept()
	if err != nil {
		return err
	}
	defer conn.Close()
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return err
	}

	dir, err := os.MkdirTemp("", "sockbook-shell-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	command := strings.TrimSuffix(line, "\n")
	fmt.Printf("running sh -c %q\n", command)
	cmd := exec.Command("sh", "-c", command) // WRONG: a shell
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		fmt.Println("command failed:", err)
	}

	// What is in the work folder now? It was empty before the command.
	files, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Printf("file %q now exists: more than echo ran\n", f.Name())
	}
	_, err = conn.Write(out)
	return err
}
