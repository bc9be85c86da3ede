// The fix: look at Read's error every time. io.EOF means the client
// closed the connection (Python's recv returning b""); any other error
// means the connection broke. Either way, the loop must end.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		// Use the n bytes first: a Read may return data and an error.
		if n > 0 {
			fmt.Printf("got %q\n", buf[:n])
			_, werr := conn.Write(bytes.ToUpper(buf[:n]))
			if werr != nil {
				fmt.Println("write failed:", werr)
				return
			}
		}
		if errors.Is(err, io.EOF) {
			fmt.Println("io.EOF: the client closed; stopping")
			return
		}
		if err != nil {
			fmt.Println("the connection broke:", err)
			return
		}
	}
}
