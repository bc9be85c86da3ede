// The one-read client: one message behind a 4-byte big-endian
// length, all in one Write.
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
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// The frame: length (4 bytes, big-endian), then the body.
	msg := "the whole message, please"
	frame := make([]byte, 4+len(msg))
	binary.BigEndian.PutUint32(frame, uint32(len(msg)))
	copy(frame[4:], msg)
	fmt.Printf("writing a 4-byte header and a %d-byte body\n", len(msg))
	if _, err := conn.Write(frame); err != nil {
		log.Fatal(err)
	}

	// Half-close (Python's shutdown(SHUT_WR)): the server's Read
	// returns io.EOF, and we can still read until it closes.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn)
	fmt.Println("server closed the connection")
}
