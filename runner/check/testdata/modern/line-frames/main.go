// Modern Go used here: strings.Lines (Go 1.24), an iterator over the
// lines of a string, each with its "\n", to split what has arrived so far
// into whole lines and an unfinished rest.
//
// line-frames: messages are lines ending in "\n". Each line is answered
// with its length in bytes (without the "\n") in decimal and "\n". A line
// longer than 65536 bytes closes that client's connection; the server goes
// on serving the next client.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
	"strings"
)

// maxLine is the longest line the server accepts, in bytes, without "\n".
const maxLine = 65536

// errTooLong ends a connection whose line is over maxLine.
var errTooLong = fmt.Errorf("line longer than %d bytes", maxLine)

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
	}
}

// serve answers one client's lines until it closes the connection, sends
// a line that is too long, or fails. TCP may cut the stream anywhere: a
// read may end in the middle of a line, which the next read goes on with.
// Only a line's length is needed, so of an unfinished line only its
// length so far is kept, never its bytes.
func serve(conn net.Conn) error {
	defer conn.Close()
	var c lineCounter
	buf := make([]byte, 32<<10)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			answers, lerr := c.feed(string(buf[:n]))
			// The lines before a line that is too long are answered.
			if len(answers) > 0 {
				if _, err := conn.Write(answers); err != nil {
					return fmt.Errorf("write: %w", err)
				}
			}
			if lerr != nil {
				return lerr
			}
		}
		if errors.Is(err, io.EOF) {
			// The client closed; an unfinished last line is dropped.
			return nil
		}
		if err != nil {
			return fmt.Errorf("read: %w", err)
		}
	}
}

// lineCounter measures the lines of a stream that arrives in pieces.
type lineCounter struct {
	partial int // bytes of the current line received so far
}

// feed takes the next piece of the stream and returns the answers to the
// lines it completes. It returns errTooLong as soon as a line, whole or
// not yet, is longer than maxLine.
func (c *lineCounter) feed(piece string) (answers []byte, err error) {
	for line := range strings.Lines(piece) {
		body, whole := strings.CutSuffix(line, "\n")
		length := c.partial + len(body)
		if length > maxLine {
			return answers, errTooLong
		}
		if !whole {
			c.partial = length // only the last line of a piece is unfinished
			break
		}
		c.partial = 0
		answers = strconv.AppendInt(answers, int64(length), 10)
		answers = append(answers, '\n')
	}
	return answers, nil
}
