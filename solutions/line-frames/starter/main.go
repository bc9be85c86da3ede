// line-frames starter: the server answers each line of one client with
// the line's length.
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
