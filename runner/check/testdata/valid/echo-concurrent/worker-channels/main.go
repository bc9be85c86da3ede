// Valid style: channels instead of a goroutine that does everything. An
// acceptor goroutine hands each connection to the main loop over a
// channel; the main loop starts a worker per connection. In a worker, a
// reader goroutine sends each piece it reads over a channel, and the
// worker uppercases and writes them; the reader closes the channel at end
// of stream (or on an error), and the worker then closes the connection.
// (The reference has one goroutine per connection doing both.)
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

	conns := make(chan net.Conn)
	acceptErr := make(chan error, 1)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				acceptErr <- err
				return
			}
			conns <- c
		}
	}()

	for {
		select {
		case c := <-conns:
			go worker(c)
		case err := <-acceptErr:
			log.Fatal(err)
		}
	}
}

// worker echoes one connection: pieces come from its reader goroutine.
func worker(conn net.Conn) {
	defer conn.Close()
	pieces := make(chan []byte, 8)
	go reader(conn, pieces)
	broken := false
	for p := range pieces {
		if broken {
			continue // drain, so the reader is never stuck sending
		}
		for i, c := range p {
			if 'a' <= c && c <= 'z' {
				p[i] = c - 'a' + 'A'
			}
		}
		if _, err := conn.Write(p); err != nil {
			log.Printf("client %s: write: %v", conn.RemoteAddr(), err)
			broken = true
			conn.Close() // makes the reader's next Read fail
		}
	}
}

// reader sends every piece read from conn, each in a buffer of its own,
// and closes pieces when the stream ends.
func reader(conn net.Conn, pieces chan<- []byte) {
	defer close(pieces)
	for {
		buf := make([]byte, 16<<10)
		n, err := conn.Read(buf)
		if n > 0 {
			pieces <- buf[:n]
		}
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			log.Printf("client %s: read: %v", conn.RemoteAddr(), err)
			return
		}
	}
}
