// Modern Go used here: sync.OnceValue (Go 1.21) to build the uppercase
// table once, the first time it is needed, and range over an int
// (Go 1.22) to fill it.
//
// echo-upper: serve clients one after another, for ever. Write back every
// byte a client sends, with ASCII letters uppercased, until it closes; a
// client that resets or sends nothing ends only its own conversation.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"sync"
)

// upperTable maps every byte value to what the echo sends back for it:
// a-z become A-Z, every other byte stays as it is.
var upperTable = sync.OnceValue(func() *[256]byte {
	var t [256]byte
	for i := range len(t) {
		c := byte(i)
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		t[i] = c
	}
	return &t
})

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		if err := serve(conn); err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
			continue
		}
		fmt.Println("client", conn.RemoteAddr(), "done")
	}
}

// serve echoes one client's bytes, uppercased, until the client closes
// its side; then it closes the connection too.
func serve(conn net.Conn) error {
	defer conn.Close()
	table := upperTable()
	buf := make([]byte, 32<<10)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			for i, c := range buf[:n] {
				buf[i] = table[c]
			}
			if _, err := conn.Write(buf[:n]); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read: %w", err)
		}
	}
}
