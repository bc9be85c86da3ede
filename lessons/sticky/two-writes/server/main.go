// The two-writes server: one Read, which may return both of the
// client's writes at once. TCP carries bytes, not messages.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

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

	// Busy with something else for a moment, as servers are: both
	// writes arrive meanwhile and wait in the kernel's buffer.
	time.Sleep(200 * time.Millisecond)

	// One recv(1024): Read returns whatever has arrived, 1 to 1024
	// bytes. Nothing in the stream says where "hello" ended.
	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("one Read returned %d bytes: %q\n", n, buf[:n])
}
