// Valid style: reads lines with a bufio.Scanner (the reference uses a
// bufio.Reader and ReadSlice) given a buffer of 65536 + 1 bytes and a
// split function of its own: it cuts at "\n" only (bufio.ScanLines would
// also drop a "\r" before it and hand out an unfinished last line), and a
// line that does not fit is bufio.ErrTooLong. Each connection has its own
// goroutine, and the replies go through fmt.Fprintf on a bufio.Writer.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
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
		go handle(conn)
	}
}

// splitLines is a bufio.SplitFunc: a token is the bytes before a "\n".
// Bytes left at the end of the stream without a "\n" are no token.
func splitLines(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i], nil
	}
	return 0, nil, nil
}

func handle(conn net.Conn) {
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	// The buffer may grow to hold the longest line and its "\n"; a line
	// that has not ended by then makes Scan stop with ErrTooLong.
	lines.Buffer(make([]byte, 4096), maxLine+1)
	lines.Split(splitLines)
	out := bufio.NewWriter(conn)
	for lines.Scan() {
		fmt.Fprintf(out, "%d\n", len(lines.Bytes()))
		if err := out.Flush(); err != nil {
			log.Printf("%s: write: %v", conn.RemoteAddr(), err)
			return
		}
	}
	switch err := lines.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		log.Printf("%s: a line longer than %d bytes: closing", conn.RemoteAddr(), maxLine)
	case err != nil:
		log.Printf("%s: read: %v", conn.RemoteAddr(), err)
	}
}
