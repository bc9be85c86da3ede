// The limit-wrong server: allocates whatever size the header claims,
// then waits for that many bytes. A stranger picks the number.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
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

	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	var size uint32
	if err := binary.Read(conn, binary.BigEndian, &size); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("header says %d bytes: allocating them\n", size)
	body := make([]byte, size) // WRONG: no limit on size
	fmt.Printf("holding %d bytes for one client\n", len(body))

	if _, err := io.ReadFull(conn, body); err != nil {
		log.Fatalf("reading the body: %v", err)
	}
	fmt.Printf("body of %d bytes received\n", len(body))
}
