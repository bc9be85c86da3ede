// Flaw: closes each connection with a defer in main's accept loop, which
// runs only when main returns: the client never reads end of stream.
//
// Fails: echo-text, silent-client.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
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

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
		// One goroutine per connection: Accept is called again at once,
		// while this client is served. conn is a new variable on every
		// iteration, so each goroutine has its own.
		go func() {
			if err := serve(conn); err != nil {
				log.Printf("client %s: %v", conn.RemoteAddr(), err)
			}
		}()
	}
}

// serve is the communication loop with one client: it echoes every byte,
// uppercased, until the client closes the connection. It leaves the
// closing to main's defer.
// Everything it uses is its own (buf included), so goroutines running it
// at the same time share nothing.
func serve(conn net.Conn) error {
	buf := make([]byte, 32<<10)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			upper(buf[:n])
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

// upper uppercases the ASCII letters a-z in b, in place, and leaves every
// other byte alone.
func upper(b []byte) {
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
}
