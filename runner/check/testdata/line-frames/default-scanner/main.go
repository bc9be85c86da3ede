// Flaw: reads lines with a bufio.Scanner and its default buffer, whose
// longest line is 64 KiB with its newline: a 65536-byte line stops it.
// Its bufio.ScanLines also drops a "\r" before the "\n", and answers an
// unfinished last line.
//
// Fails: longest-line, cut-short-line, raw-bytes.
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
	for lines.Scan() {
		fmt.Fprintf(conn, "%d\n", len(lines.Bytes()))
	}
	if err := lines.Err(); err != nil {
		log.Print(err)
	}
}
