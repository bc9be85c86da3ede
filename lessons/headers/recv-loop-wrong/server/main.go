// WRONG: the body loop of the Python tutorials,
//
//	while recv_size < data_length:
//	    data += conn.recv(1024)
//
// It asks for 1024 bytes however few are left, so it reads into the
// next message; and it never looks at errors, so once the client has
// closed it spins for ever.
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
)

func readBody(conn net.Conn, size int) ([]byte, error) {
	var body []byte
	buf := make([]byte, 1024)
	spins := 0
	for len(body) < size {
		n, _ := conn.Read(buf) // WRONG: 1024 bytes, error ignored
		body = append(body, buf[:n]...)
		if n == 0 { // a guard, not part of the mistake
			if spins++; spins == 3 {
				return body, errors.New("...this would spin for ever")
			}
		}
	}
	return body, nil
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
				log.Fatal(err)
			}
		}
		conn.Close()
	}
}
