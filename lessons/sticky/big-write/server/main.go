// The big-write server: reads with a 64 KiB buffer until the client
// closes, counting the Reads it takes to collect one 1 MiB Write.
package main

import (
	"errors"
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

	buf := make([]byte, 64*1024)
	total, reads := 0, 0
	for {
		n, err := conn.Read(buf)
		total += n
		if n > 0 {
			reads++
		}
		if errors.Is(err, io.EOF) {
			break // the client closed its side: no more bytes
		}
		if err != nil {
			log.Fatal(err)
		}
	}
	// How many Reads it takes depends on timing (the wire events show
	// each one), but never 1: a Read returns at most len(buf) bytes.
	fmt.Printf("received %d bytes\n", total)
	fmt.Printf("more than one Read: %t\n", reads > 1)
}
