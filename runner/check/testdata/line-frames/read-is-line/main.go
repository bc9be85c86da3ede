// Flaw: takes every Read for one line, the sticky-packet mistake: two
// lines in one read get one answer, a line cut over two reads gets two.
//
// Fails: chopped-1-byte, coalesced, longest-line, too-long-line,
// cut-short-line, reset-mid-line, endless-line.
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
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		serve(conn)
	}
}

func serve(conn net.Conn) {
	defer conn.Close()
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		// The line is what this read returned, minus its "\n".
		fmt.Fprintf(conn, "%d\n", n-1)
	}
}
