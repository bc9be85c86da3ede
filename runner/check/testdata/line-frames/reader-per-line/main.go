// Flaw: makes a new bufio.Reader for every line: what the old reader had
// already read ahead (the next lines) is lost with it. It has no limit on
// the line length either.
//
// Fails: coalesced, too-long-line, endless-line.
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
	for {
		line, err := bufio.NewReader(conn).ReadString('\n')
		if err != nil {
			return
		}
		fmt.Fprintf(conn, "%d\n", len(line)-1)
	}
}
