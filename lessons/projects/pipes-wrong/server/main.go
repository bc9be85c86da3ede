// WRONG: the command server that reads the command's standard output to
// the end before its standard error, like Python's p.stdout.read() then
// p.stderr.read(). A command that fills the stderr pipe first (64 KiB on
// Linux) waits for a reader, and its stdout never ends: a deadlock. The
// time limit is the lesson's guard. Unix only: it runs ls.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
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
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		log.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		log.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	out, _ := io.ReadAll(stdout) // WRONG: nobody reads stderr now
	io.ReadAll(stderr)           // only once stdout has ended
	err = cmd.Wait()
	fmt.Println("the command ended:", err)
	fmt.Fprintf(conn, "stdout %q, killed by the time limit: %v\n",
		out, ctx.Err() != nil)
}
