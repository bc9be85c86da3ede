// The one-read-wrong server: reads a 4-byte length, then the body,
// trusting each Read to fill its buffer. It does not have to.
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

	head := make([]byte, 4)
	n, err := conn.Read(head) // WRONG: may return 1 to 4 bytes
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("header: asked for 4 bytes, got %d\n", n)

	size := binary.BigEndian.Uint32(head)
	if size > 1024 {
		log.Fatalf("refusing a %d-byte message", size)
	}
	body := make([]byte, size)
	n, err = conn.Read(body) // WRONG: may return 1 to size bytes
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("body: asked for %d bytes, got %d: %q\n",
		size, n, body[:n])

	// Nothing was lost: the rest is still in the stream, unread.
	rest, err := io.ReadAll(conn)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("left unread: %d bytes %q\n", len(rest), rest)
}
