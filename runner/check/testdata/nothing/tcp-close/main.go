// A server that closes every connection as soon as it accepts it: every
// scenario must fail.
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
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		conn.Close()
	}
}
