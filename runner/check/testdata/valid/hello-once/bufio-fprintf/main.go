// Valid style: the message is read through a bufio.Reader of 1024 bytes
// (one Read of it, which reads the connection once) and the reply is
// written with fmt.Fprintf (the reference calls conn.Read and conn.Write
// itself). The listener stays open until main returns; the deferred calls
// close the connection and the listener, and the exit status is 0.
package main

import (
	"bufio"
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

	in := bufio.NewReaderSize(conn, 1024)
	msg := make([]byte, 1024)
	n, err := in.Read(msg)
	if err != nil {
		log.Fatalf("read: %v", err)
	}
	if _, err := fmt.Fprintf(conn, "hello, %s", msg[:n]); err != nil {
		log.Fatalf("reply: %v", err)
	}
	fmt.Printf("greeted %s\n", conn.RemoteAddr())
}
