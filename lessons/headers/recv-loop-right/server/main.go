// RIGHT: read exactly the body, with io.ReadFull. It never asks for
// more than the header says, and it returns an error when the stream
// ends first.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func readBody(conn net.Conn, size int) ([]byte, error) {
	body := make([]byte, size)
	n, err := io.ReadFull(conn, body) // exactly size bytes, or an error
	return body[:n], err
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	for c := 1; c <= 2; c++ {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		for {
			var size uint32
			err := binary.Read(conn, binary.BigEndian, &size)
			if err != nil {
				fmt.Printf("connection %d: %v\n", c, err)
				break
			}
			body, err := readBody(conn, int(size))
			fmt.Printf("connection %d: header says %d, body %q\n",
				c, size, body)
			if err != nil {
				fmt.Printf("connection %d: %v\n", c, err)
				break
			}
		}
		conn.Close()
	}
}
