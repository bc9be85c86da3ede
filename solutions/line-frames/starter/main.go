// Exercise line-frames (chapter sticky): lines as messages.
//
// Write a TCP server that listens on the address of its -addr flag and
// serves clients one after another, for ever. A message is a line ending
// in "\n"; for each line, reply with its length in bytes (without the
// "\n") in decimal, then "\n": "hello\n" gets "5\n". A line longer than
// 65536 bytes closes that connection, and the server goes on serving.
//
// This starter answers each line of one client with the line's length:
// see the TODOs.
//
// Check it:  sockbook check line-frames
// Stuck?     sockbook hint line-frames gives one more hint each time.
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

	// TODO: go on serving clients after this one.
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// TODO: the longest line allowed is 65536 bytes; what does the
	// scanner do with it?
	lines := bufio.NewScanner(conn)
	for lines.Scan() {
		fmt.Fprintf(conn, "%d\n", len(lines.Bytes()))
	}
	if err := lines.Err(); err != nil {
		log.Print(err)
	}
}
