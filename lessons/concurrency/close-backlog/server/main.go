// Closing a listener resets the connections still in its queue: made by
// the system, not yet accepted. This server accepts one connection and
// closes the listener when that client says two more are waiting.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	first, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer first.Close()
	r := bufio.NewReader(first)
	line, err := r.ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("first client says: %s", line)

	ln.Close() // stop: the queue is not accepted, it is reset
	fmt.Println("listener closed")
	fmt.Fprintf(first, "closed\n")
	io.ReadAll(r) // until the first client leaves
}
