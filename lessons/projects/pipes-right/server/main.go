// RIGHT: the command server that reads the command's standard output and
// standard error at the same time: cmd.Stdout and cmd.Stderr are
// buffers, and Run fills both while the command runs (Python:
// p.communicate()). Unix only: it runs ls.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"os/exec"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	var argv []string
	err = json.NewDecoder(bufio.NewReader(conn)).Decode(&argv)
	if err != nil || len(argv) == 0 {
		log.Fatal("bad request: ", err)
	}

	limit := 2 * time.Second // the lesson's guard
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var out, errOut bytes.Buffer
	cmd.Stdout = &out // two statements: see the remote-cmd note
	cmd.Stderr = &errOut
	err = cmd.Run() // reads both pipes while the command runs
	fmt.Println("the command ended:", err)
	lines := bytes.Count(errOut.Bytes(), []byte("\n"))
	fmt.Println("lines on stderr:", lines)
	fmt.Fprintf(conn, "stdout %q, killed by the time limit: %v\n",
		out.String(), ctx.Err() != nil)
}
