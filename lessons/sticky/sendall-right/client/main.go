// The sendall-right client: it writes 64 MiB to a server that is not
// reading, with a write deadline, and looks at what Write returns.
// Write on a TCP connection is Python's sendall, not send: it returns
// only when every byte is handed to the kernel, or with an error, and
// then n says how many bytes went out before it.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
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
	n, err := conn.Write(data)
	switch {
	case err == nil:
		fmt.Printf("Write sent all %d bytes\n", n)
	case errors.Is(err, os.ErrDeadlineExceeded):
		fmt.Printf("Write: n < %d: %t, and an error\n", len(data),
			n < len(data))
		fmt.Println("error: the write deadline passed")
	default:
		log.Fatal(err)
	}
	conn.Close() // the bytes already sent are still delivered

	// Report n, what Write says it sent, on a second connection.
	rep, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer rep.Close()
	fmt.Println("reporting the n that Write returned")
	fmt.Fprintf(rep, "%d\n", n)
}
