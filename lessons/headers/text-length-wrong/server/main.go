// WRONG: reads a decimal length as "the digits that come first", then
// that many bytes. A message that starts with a digit is read as part
// of the length.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
)

// readLength reads digits until the first byte that is not one.
func readLength(r *bufio.Reader) (int, error) {
	var digits []byte
	for {
		b, err := r.ReadByte()
		if err != nil {
			return 0, err
		}
		if b < '0' || b > '9' {
			r.UnreadByte()
			return strconv.Atoi(string(digits))
		}
		digits = append(digits, b)
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	r := bufio.NewReader(conn)
	for {
		size, err := readLength(r)
		if err != nil {
			fmt.Println("length:", err)
			return
		}
		msg := make([]byte, size)
		n, err := io.ReadFull(r, msg)
		fmt.Printf("length %d: %q\n", size, msg[:n])
		if err != nil {
			fmt.Println("body:", err)
			return
		}
	}
}
