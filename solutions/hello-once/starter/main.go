// Exercise hello-once (chapter basics): say hello to one client.
//
// Write a TCP server that listens on the address of its -addr flag,
// accepts one connection, reads one message of at most 1024 bytes (one
// Read into a 1024-byte buffer), replies "hello, " followed by the
// message and nothing else, closes the connection and exits with status 0.
//
// This starter accepts a client and reads its message, but does not
// answer the way the exercise asks yet: see the TODO.
//
// Check it:  sockbook check hello-once
// Stuck?     sockbook hint hello-once gives one more hint each time.
package main

import (
	"flag"
	"fmt"
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

	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("received %q\n", buf[:n])

	// TODO: the reply must be "hello, " followed by the message. For now
	// the server only sends the message back.
	if _, err := conn.Write(buf[:n]); err != nil {
		log.Fatal(err)
	}
}
