// Flaw: reads with io.ReadFull into a 1024-byte buffer, so nothing is
// echoed until 1024 bytes have come or the client closes.
//
// Fails: echo-before-close, reset-client, idle-client-does-not-block,
// hundred-clients.
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
// uppercased, until the client closes the connection, then closes it too.
// Everything it uses is its own (buf included), so goroutines running it
// at the same time share nothing.
func serve(conn net.Conn) error {
	defer conn.Close()
	buf := make([]byte, 1024)
	for {
		n, err := io.ReadFull(conn, buf)
		if n > 0 {
			upper(buf[:n])
			if _, err := conn.Write(buf[:n]); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
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
