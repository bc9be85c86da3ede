// Flaw: any read error stops the whole server with log.Fatal, end of
// stream included: the first client to leave ends the server.
//
// Fails: silent-client, reset-client, clients-in-turn.
package main

import (
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
			upper(buf[:n])
			if _, err := conn.Write(buf[:n]); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if err != nil {
			log.Fatalf("read: %v", err)
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
