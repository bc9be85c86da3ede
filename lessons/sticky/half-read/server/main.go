// The half-read server: asks for 2 bytes, then for up to 10. One
// Write from the client is read in two parts.
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

	// Python's recv(2): a buffer of 2 bytes takes at most 2 bytes.
	// The other 8 wait in the kernel for the next Read.
	small := make([]byte, 2)
	n, err := conn.Read(small)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Read into 2 bytes:  %d bytes %q\n", n, small[:n])

	buf := make([]byte, 10)
	n, err = conn.Read(buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Read into 10 bytes: %d bytes %q\n", n, buf[:n])
}
