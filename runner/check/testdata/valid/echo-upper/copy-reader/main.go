// Valid style: the echo is one io.Copy from a reader that uppercases what
// it reads (the reference loops over conn.Read and conn.Write itself), and
// the uppercasing is a 256-entry table. Each connection is served in a
// goroutine of its own, but a one-slot semaphore taken before Accept keeps
// the server to one client at a time, as the protocol has it.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

// upperTable maps every byte to itself, except a-z to A-Z.
var upperTable [256]byte

func init() {
	for i := range upperTable {
		upperTable[i] = byte(i)
	}
	for c := 'a'; c <= 'z'; c++ {
		upperTable[c] = byte(c - 'a' + 'A')
	}
}

// upperReader uppercases the ASCII letters of whatever it reads from r.
type upperReader struct {
	r io.Reader
}

func (u upperReader) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	for i := 0; i < n; i++ {
		p[i] = upperTable[p[i]]
	}
	return n, err
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())

	slot := make(chan struct{}, 1)
	for {
		slot <- struct{}{} // wait until the previous client is done
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go func(c net.Conn) {
			defer func() { <-slot }()
			defer c.Close()
			// io.Copy stops at end of stream without an error; a reset is
			// an error, which ends only this client.
			n, err := io.Copy(c, upperReader{r: c})
			if err != nil {
				log.Printf("client %s: after %d bytes: %v", c.RemoteAddr(), n, err)
				return
			}
			fmt.Printf("client %s: echoed %d bytes\n", c.RemoteAddr(), n)
		}(conn)
	}
}
