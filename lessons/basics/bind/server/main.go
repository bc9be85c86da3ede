// Binding: a listener is reachable only at the address it listens on.
// This one listens on 127.0.0.1, the IPv4 loopback address, and nowhere
// else.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	// "127.0.0.1:8080": this machine only, over IPv4.
	// ":8080" would be every address of the machine: Python's
	// bind(('', 8080)), or ('0.0.0.0', 8080) for IPv4 only.
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())

	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("a client connected to", conn.LocalAddr())
	conn.Close()
}
