// A server that starts a program of its own in the background and exits
// without waiting for it: the runner must end that program too.
package main

import (
	"flag"
	"fmt"
	"net"
	"os/exec"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	conn, err := ln.Accept()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command("sleep", "31.25")
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	fmt.Println("left a sleep running, pid", cmd.Process.Pid)
	buf := make([]byte, 64)
	n, _ := conn.Read(buf)
	fmt.Fprintf(conn, "hello, %s", buf[:n])
	conn.Close()
}
