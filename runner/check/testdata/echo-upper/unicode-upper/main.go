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

	// The accept loop: one client at a time. A client's trouble ends that
	// client's conversation, never the server.
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("client connected from", conn.RemoteAddr())
		if err := serve(conn); err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
			continue
		}
		fmt.Println("client", conn.RemoteAddr(), "closed the connection")
	}
}

// serve is the communication loop with one client: it echoes every byte,
// uppercased, until the client closes the connection, then closes it too.
func serve(conn net.Conn) error {
	defer conn.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := conn.Read(buf)
		// Use the n bytes first: Read may return data and an error together.
		if n > 0 {
			if _, err := conn.Write(bytes.ToUpper(buf[:n])); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if errors.Is(err, io.EOF) {
			// The client closed its side: the normal end. A client that
			// connects and sends nothing ends here at once.
			return nil
		}
		if err != nil {
			// A reset ("connection reset by peer") or another failure.
			return fmt.Errorf("read: %w", err)
		}
	}
}
