// Flaw: uppercases with bytes.ToUpper, which reads the bytes as UTF-8:
// it changes letters such as é and replaces bytes that are not UTF-8.
//
// Fails: only-ascii-letters.
package main

import (
	"bytes"
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
	buf := make([]byte, 32<<10)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			if _, err := conn.Write(bytes.ToUpper(buf[:n])); err != nil {
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
