// Flaw: gives the scanner the right buffer, but stops the whole server
// with log.Fatal when the scanner fails: on a line that is too long, or a
// reset. Its bufio.ScanLines also drops a "\r" before the "\n", and
// answers an unfinished last line.
//
// Fails: too-long-line, reset-mid-line, raw-bytes, cut-short-line,
// endless-line.
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
	lines := bufio.NewScanner(conn)
	lines.Buffer(make([]byte, 4096), 65536+1)
	for lines.Scan() {
		fmt.Fprintf(conn, "%d\n", len(lines.Bytes()))
	}
	if err := lines.Err(); err != nil {
		log.Fatal(err)
	}
}
