// The fixed-size server: every message is exactly 16 bytes, so it
// reads 16 bytes at a time with io.ReadFull.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
)

const size = 16 // the protocol: every message is 16 bytes

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
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

	buf := make([]byte, size)
	for {
		// io.EOF: the client closed between two messages (fine);
		// io.ErrUnexpectedEOF: it closed in the middle of one.
		_, err := io.ReadFull(conn, buf)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		// Python's msg.rstrip(): drop the padding.
		msg := strings.TrimRight(string(buf), " ")
		fmt.Printf("message: %q\n", msg)
	}
	fmt.Println("client finished")
}
