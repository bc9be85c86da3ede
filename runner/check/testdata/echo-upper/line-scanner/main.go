// Flaw: echoes line by line with a bufio.Scanner, as if the protocol were
// lines: bytes without a newline wait for one, a newline is added after a
// last line that had none, and a line over 64 KiB stops the scanner.
//
// Fails: echo-before-close, only-ascii-letters, large-stream, reset-client,
// chopped-1-byte.
package main

import (
	"bufio"
	"flag"
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
	for lines.Scan() {
		line := append([]byte(nil), lines.Bytes()...)
		for i, c := range line {
			if 'a' <= c && c <= 'z' {
				line[i] = c - 'a' + 'A'
			}
		}
		if _, err := conn.Write(append(line, '\n')); err != nil {
			return
		}
	}
	if err := lines.Err(); err != nil {
		log.Print(err)
	}
}
