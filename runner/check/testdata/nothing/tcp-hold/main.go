// A server that accepts every connection and never reads, writes or
// closes: every scenario must fail, within its time.
package main

import (
	"flag"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	// The flags the project servers take, so that it starts as theirs.
	flag.String("dir", ".", "ignored")
	flag.String("allow", "", "ignored")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	var held []net.Conn
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		held = append(held, conn)
	}
}
