// A hello server in today's Go (max, slices.Sort), which the interpreter
// rejects and the Go compiler accepts.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"slices"
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
	defer conn.Close()
	buf := make([]byte, max(1024, 16))
	n, _ := conn.Read(buf)
	words := []string{"b", "a"}
	slices.Sort(words)
	fmt.Println("sorted", words)
	w := bufio.NewWriter(conn)
	fmt.Fprintf(w, "hello, %s", buf[:n])
	w.Flush()
}
