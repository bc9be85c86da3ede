// The one-at-a-time server: accept a client, serve it until it is done,
// and only then accept the next one (Python's socketserver.TCPServer).
// A client that takes its time makes every other client wait.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	// Two clients make this lesson; a real server loops for ever.
	for id := 1; id <= 2; id++ {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("serving connection %d\n", id)
		handle(conn, id) // no "go": the loop waits here till it returns
	}
}

// handle answers one question (a line) in capitals, then hangs up.
func handle(conn net.Conn, id int) {
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	if !lines.Scan() {
		fmt.Printf("connection %d left without asking\n", id)
		return
	}
	fmt.Printf("connection %d asks %q\n", id, lines.Text())
	fmt.Fprintf(conn, "%s\n", strings.ToUpper(lines.Text()))
}
