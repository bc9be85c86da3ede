// The echo server: serve one client, send back every line it sends,
// until it closes the connection.
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
	fmt.Println("listening on", ln.Addr())

	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	fmt.Println("client connected from", conn.RemoteAddr())

	// A line is our message: the scanner collects bytes until '\n',
	// however the stream was cut into reads.
	lines := bufio.NewScanner(conn)
	for lines.Scan() {
		line := lines.Text()
		fmt.Printf("echoing %q\n", line)
		if _, err := fmt.Fprintf(conn, "%s\n", line); err != nil {
			log.Fatal(err)
		}
	}
	if err := lines.Err(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("client closed the connection")
}
