// Flaw: reads each line with ReadString and checks its length only once
// the "\n" has come: a line over 65536 bytes is refused, but a line that
// never ends is read, and kept, for as long as the client sends it.
//
// Fails: endless-line.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
)

const maxLine = 65536

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
		if err := serve(conn); err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
		}
	}
}

func serve(conn net.Conn) error {
	defer conn.Close()
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read: %w", err)
		}
		n := len(line) - 1
		if n > maxLine {
			return fmt.Errorf("line of %d bytes: closing", n)
		}
		if _, err := conn.Write([]byte(strconv.Itoa(n) + "\n")); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
}
