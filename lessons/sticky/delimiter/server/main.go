// The delimiter server: a message is a line ending in '\n'. The
// scanner splits the stream at each '\n', however it was cut.
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

	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// The scanner Reads big chunks into its own buffer and hands out
	// one line at a time, without the '\n'. A line longer than 64 KiB
	// stops it with bufio.ErrTooLong (see lines.Buffer to change it).
	lines := bufio.NewScanner(conn)
	for lines.Scan() {
		fmt.Printf("message: %q\n", lines.Text())
	}
	if err := lines.Err(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("client finished")
}
