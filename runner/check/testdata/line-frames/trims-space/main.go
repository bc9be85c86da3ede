// Flaw: trims the line with strings.TrimSpace before measuring it, the
// habit of Python's line.strip(): spaces at either end and a "\r" before
// the "\n" are not counted.
//
// Fails: raw-bytes.
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
	"strings"
)

const maxLine = 65536

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
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

func serve(conn net.Conn) error {
	defer conn.Close()
	r := bufio.NewReaderSize(conn, maxLine+1)
	for {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read: %w", err)
		}
		text := strings.TrimSpace(string(line))
		if _, err := conn.Write([]byte(strconv.Itoa(len(text)) + "\n")); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
}
