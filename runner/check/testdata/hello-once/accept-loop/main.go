// Flaw: serves clients in an accept loop for ever instead of exiting after
// the first one.
//
// Fails: exits-zero.
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
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		buf := make([]byte, 1024)
		n, err := conn.Read(buf)
		if err == nil {
			conn.Write(append([]byte("hello, "), buf[:n]...))
		}
		conn.Close()
	}
}
