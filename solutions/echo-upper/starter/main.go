// Exercise echo-upper (chapter loops): an uppercase echo for one client
// after another.
//
// Write a TCP server that listens on the address of its -addr flag and
// serves clients one after another, for ever: it writes back every byte
// a client sends, ASCII-uppercased (a to z become A to Z, every other byte
// goes back as it came), until that client closes. A client that resets
// its connection, or sends nothing, must not stop the server.
//
// This starter echoes one client's bytes, uppercased, until that client
// closes. Then it exits: see the TODO.
//
// Check it:  sockbook check echo-upper
// Stuck?     sockbook hint echo-upper gives one more hint each time.
package main

import (
	"flag"
	"io"
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

	// TODO: serve clients one after another, for ever, not only the first.
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			for i, c := range buf[:n] {
				if 'a' <= c && c <= 'z' {
					buf[i] = c - 'a' + 'A'
				}
			}
			if _, err := conn.Write(buf[:n]); err != nil {
				log.Fatal(err)
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			log.Fatal(err)
		}
	}
}
