// The byte-order server: reads one message whose 4-byte length is in
// network byte order (big-endian), as the protocol says.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

const maxSize = 1 << 20 // the largest message we accept: 1 MiB

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

	head := make([]byte, 4)
	if _, err := io.ReadFull(conn, head); err != nil {
		log.Fatal(err)
	}
	size := binary.BigEndian.Uint32(head) // struct.unpack('>I', head)
	fmt.Printf("header % x, read big-endian: %d\n", head, size)
	if size > maxSize {
		fmt.Printf("refusing: over the %d-byte limit\n", maxSize)
		return // the deferred Close hangs up
	}

	body := make([]byte, size)
	if _, err := io.ReadFull(conn, body); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("message: %q\n", body)
}
