// RIGHT: reads a decimal length up to its newline, then that many
// bytes. The message may start with digits, or hold newlines.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
	"strings"
)

// readLength reads the digits before the next newline.
func readLength(r *bufio.Reader) (int, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSuffix(line, "\n"))
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
