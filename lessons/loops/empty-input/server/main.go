// An uppercasing server that reports every Read, to show that an
// empty message never arrives: there is nothing to arrive.
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
		if errors.Is(err, io.EOF) {
			fmt.Println("io.EOF: the client closed")
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("read %d bytes: %q\n", n, buf[:n])
		conn.Write(bytes.ToUpper(buf[:n]))
	}
}
