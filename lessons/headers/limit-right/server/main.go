// The limit-right server: checks the size the header claims against
// its own limit before it allocates anything.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

const maxSize = 1 << 20 // the largest body we accept: 1 MiB

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

	var size uint32
	if err := binary.Read(conn, binary.BigEndian, &size); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("header says %d bytes\n", size)
	if size > maxSize {
		fmt.Printf("refusing: over the %d-byte limit\n", maxSize)
		conn.Write([]byte("error: too large\n"))
		return // the deferred Close hangs up; nothing was allocated
	}
	body := make([]byte, size)

	if _, err := io.ReadFull(conn, body); err != nil {
		log.Fatalf("reading the body: %v", err)
	}
	fmt.Printf("body of %d bytes received\n", len(body))
}
