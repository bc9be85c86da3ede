// Valid style: a byte at a time. The server reads with bufio.Reader's
// ReadByte and writes with bufio.Writer's WriteByte (the reference reads
// and writes whole buffers), and flushes whenever the reader has nothing
// buffered, before it would wait for the client again: every piece is
// echoed as soon as it has arrived.
package main

import (
	"bufio"
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
		err = echo(conn)
		conn.Close()
		if err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
		}
	}
}

// echo copies conn back to itself, uppercasing a-z, until end of stream.
func echo(conn net.Conn) error {
	in := bufio.NewReaderSize(conn, 32<<10)
	out := bufio.NewWriterSize(conn, 32<<10)
	for {
		if in.Buffered() == 0 {
			// The next ReadByte may block: send what is owed first.
			if err := out.Flush(); err != nil {
				return err
			}
		}
		c, err := in.ReadByte()
		if errors.Is(err, io.EOF) {
			return out.Flush()
		}
		if err != nil {
			return err
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if err := out.WriteByte(c); err != nil {
			return err
		}
	}
}
