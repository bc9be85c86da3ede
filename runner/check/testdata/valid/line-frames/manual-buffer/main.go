// Valid style: no bufio at all. The server keeps its own buffer of what
// has arrived, appends each conn.Read to it, cuts every complete line out
// with bytes.IndexByte, and answers all the lines of one read in a single
// Write built with strconv.AppendInt. A line of more than 65536 bytes,
// whole or still without its "\n", closes the connection.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
)

// maxLine is the longest line accepted, in bytes, without its "\n".
const maxLine = 65536

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
		}
		conn.Close()
	}
}

// serve answers one client's lines until it closes, fails, or sends a
// line that is too long.
func serve(conn net.Conn) error {
	pending := make([]byte, 0, 2*maxLine)
	chunk := make([]byte, 16<<10)
	for {
		n, rerr := conn.Read(chunk)
		pending = append(pending, chunk[:n]...)

		var replies []byte
		start := 0
		tooLong := false
		for {
			i := bytes.IndexByte(pending[start:], '\n')
			if i > maxLine {
				tooLong = true // a whole line, but too long: no answer
				break
			}
			if i < 0 {
				break
			}
			replies = strconv.AppendInt(replies, int64(i), 10)
			replies = append(replies, '\n')
			start += i + 1
		}
		// Move the unfinished line to the front of the buffer.
		pending = pending[:copy(pending, pending[start:])]

		if len(replies) > 0 {
			if _, err := conn.Write(replies); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if tooLong || len(pending) > maxLine {
			return fmt.Errorf("line longer than %d bytes: closing", maxLine)
		}
		if errors.Is(rerr, io.EOF) {
			return nil // an unfinished last line is dropped
		}
		if rerr != nil {
			return fmt.Errorf("read: %w", rerr)
		}
	}
}
