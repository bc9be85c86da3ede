// The sendall-wrong client: it writes 64 MiB to a server that is not
// reading, with a write deadline, and ignores what Write returns, as
// a Python client ignores the count that send() returns.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}

	// The deadline stands in for anything that can stop a Write
	// half-way: a timeout, a reset, a peer that went away.
	data := bytes.Repeat([]byte("x"), 64<<20)
	// A deadline (the concurrency chapter has more on them).
	conn.SetWriteDeadline(time.Now().Add(300 * time.Millisecond))
	conn.Write(data) // Wrong: n and err thrown away.
	fmt.Printf("sent %d bytes (or so it believes)\n", len(data))
	conn.Close()

	// Report what it believes it sent, on a second connection.
	rep, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer rep.Close()
	fmt.Println("reporting all of them")
	fmt.Fprintf(rep, "%d\n", len(data))
}
