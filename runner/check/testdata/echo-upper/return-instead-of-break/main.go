// Flaw: the communication loop is written inside main's accept loop, and
// the client's close ends it with return instead of break: the server
// exits after its first client.
//
// Fails: silent-client, clients-in-turn.
package main

import (
	"errors"
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
	buf := make([]byte, 4096)
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		for {
			n, err := conn.Read(buf)
			for i := range n {
				if 'a' <= buf[i] && buf[i] <= 'z' {
					buf[i] -= 'a' - 'A'
				}
			}
			conn.Write(buf[:n])
			if errors.Is(err, io.EOF) {
				conn.Close()
				return
			}
			if err != nil {
				conn.Close()
				break
			}
		}
	}
}
