// The big-write client: one Write of 1 MiB.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// Like Python's sendall, Write on a TCP connection returns only
	// when every byte is handed to the kernel (or on an error).
	data := bytes.Repeat([]byte("x"), 1<<20)
	fmt.Printf("writing %d bytes in one Write\n", len(data))
	n, err := conn.Write(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Write returned: all %d bytes sent\n", n)

	// Half-close (Python's shutdown(SHUT_WR)): the server's Read
	// returns io.EOF, and we can still read until it closes.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn)
	fmt.Println("server closed the connection")
}
