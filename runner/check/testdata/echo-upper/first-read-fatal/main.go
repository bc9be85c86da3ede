// Flaw: reads the client's first message before the loop and treats any
// error there, end of stream included, as fatal: a client that connects
// and sends nothing stops the server.
//
// Fails: silent-client.
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
	n, err := conn.Read(buf)
	if err != nil {
		log.Fatalf("first message: %v", err)
	}
	upper(buf[:n])
	if _, err := conn.Write(buf[:n]); err != nil {
		return err
	}
	for {
		n, err := conn.Read(buf)
		// Use the n bytes first: Read may return data and an error together.
		if n > 0 {
			upper(buf[:n])
			if _, err := conn.Write(buf[:n]); err != nil {
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

// upper uppercases the ASCII letters a-z in b, in place, and leaves every
// other byte alone. bytes.ToUpper would not do: it reads b as UTF-8,
// uppercases letters such as 'é' too and replaces invalid bytes.
func upper(b []byte) {
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
}
