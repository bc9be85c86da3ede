// The length-prefix server: each message is a 4-byte big-endian
// length, then that many bytes. io.ReadFull reads each part whole.
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

const maxSize = 1024 // refuse longer messages (chapter headers)

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
	for {
		_, err := io.ReadFull(conn, head)
		if errors.Is(err, io.EOF) {
			break // closed between two messages: done
		}
		if err != nil {
			log.Fatal(err)
		}
		size := binary.BigEndian.Uint32(head) // struct.unpack('>I')
		if size > maxSize {
			log.Fatalf("refusing a %d-byte message", size)
		}
		body := make([]byte, size)
		if _, err := io.ReadFull(conn, body); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("message of %d bytes: %q\n", size, body)
	}
	fmt.Println("client finished")
}
