// Opening and closing, seen from the server. The three-way handshake is
// over before Accept returns; each side ends its half of the connection
// with a FIN of its own: four packets, the four-way close.
package main

import (
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

	conn, err := ln.Accept() // SYN, SYN-ACK, ACK: done by the system
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("accepted: the handshake is over")

	// ReadAll reads until io.EOF, which is the client's FIN.
	msg, err := io.ReadAll(conn)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("got %q, then io.EOF: the client's FIN\n", msg)

	// Our half is still open: we may answer before we close it.
	if _, err := conn.Write([]byte("bye")); err != nil {
		log.Fatal(err)
	}
	conn.Close() // our FIN
	fmt.Println("closed: our FIN is sent")
}
