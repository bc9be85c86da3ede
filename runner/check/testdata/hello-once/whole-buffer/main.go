// Flaw: replies with the whole 1024-byte buffer instead of buf[:n], so the
// reply carries the zeros the client never sent.
//
// Fails: replies-hello, raw-bytes.
package main

import (
	"flag"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
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
	buf := make([]byte, 1024)
	if _, err := conn.Read(buf); err != nil {
		log.Fatal(err)
	}
	conn.Write(append([]byte("hello, "), buf...))
}
