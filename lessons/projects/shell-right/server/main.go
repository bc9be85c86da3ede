// RIGHT: the remote command server that takes an argv list (JSON) and
// starts the program itself, with no shell in between. A ";" is just a
// character in an argument. Only echo may run here; the remote-cmd
// lesson has a real allowlist. Unix only: on Windows, echo is part of
// cmd.exe, not a program of its own.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/exec"
)

// request is one command: the program and its arguments, already split.
type request struct {
	Argv []string `json:"argv"`
}

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
	var req request
	if err := json.NewDecoder(conn).Decode(&req); err != nil {
		return err
	}
	if len(req.Argv) == 0 || req.Argv[0] != "echo" {
		fmt.Fprintln(conn, "refused: only echo may run")
		return nil
	}

	dir, err := os.MkdirTemp("", "sockbook-shell-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	fmt.Printf("running %q\n", req.Argv)
	cmd := exec.Command(req.Argv[0], req.Argv[1:]...) // no shell
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		fmt.Println("command failed:", err)
	}

	files, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	fmt.Printf("files in the work folder: %d\n", len(files))
	_, err = conn.Write(out)
	return err
}
