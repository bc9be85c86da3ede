// Flaw: treats only end of stream as a normal end; a reset stops the whole
// server with log.Fatal.
//
// Fails: reset-mid-line.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
)

// maxLine is the longest line the server accepts, in bytes, without "\n".
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
	}
}

// serve answers one client's lines until it closes the connection, sends
// a line that is too long, or fails.
func serve(conn net.Conn) error {
	defer conn.Close()
	// The reader collects bytes until "\n", however TCP cut the stream
	// into reads: one read may hold half a line, or ten lines. Its buffer
	// holds the longest line plus its "\n".
	r := bufio.NewReaderSize(conn, maxLine+1)
	for {
		line, err := readLine(r)
		if errors.Is(err, io.EOF) {
			return nil // the client closed; an unfinished last line is not a message
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			return fmt.Errorf("line longer than %d bytes: closing", maxLine)
		}
		if err != nil {
			log.Fatalf("read: %v", err)
		}
		reply := strconv.AppendInt(nil, int64(len(line)), 10)
		if _, err := conn.Write(append(reply, '\n')); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
}

// readLine returns the next line from r without its "\n". It returns
// bufio.ErrBufferFull when no "\n" comes within r's buffer (the line is too
// long; nothing is read beyond it), and io.EOF when the stream ends before
// a "\n", even after part of a line. The line is valid until the next read.
func readLine(r *bufio.Reader) ([]byte, error) {
	line, err := r.ReadSlice('\n')
	if err == nil {
		return line[:len(line)-1], nil
	}
	return nil, err
}
