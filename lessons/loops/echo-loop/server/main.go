// The communication loop: serve one client, answer every message it
// sends (uppercased), until it closes the connection.
package main

import (
	"bytes"
	"errors"
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
	defer ln.Close()

	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	fmt.Println("a client connected")

	buf := make([]byte, 1024)
	for { // Python: while True: data = conn.recv(1024)
		n, err := conn.Read(buf)
		if errors.Is(err, io.EOF) { // Python: if not data: break
			fmt.Println("the client closed the connection (io.EOF)")
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("got %q\n", buf[:n])
		if _, err := conn.Write(bytes.ToUpper(buf[:n])); err != nil {
			log.Fatal(err)
		}
	}
}
