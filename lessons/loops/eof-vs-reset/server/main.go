// How a connection ends, as the server's Read sees it: a normal close
// is io.EOF, an abortive one (a TCP reset) is ECONNRESET.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"syscall"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	for i := 1; i <= 2; i++ { // two clients, one after the other
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		serve(i, conn)
	}
}

// isReset reports whether err is a reset, on Unix and on Windows:
// there the error is WSAECONNRESET, 10054, not syscall.ECONNRESET.
func isReset(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) &&
		(errno == syscall.ECONNRESET || errno == 10054)
}

// serve echoes until Read fails, then says how the connection ended.
func serve(client int, conn net.Conn) {
	defer conn.Close()
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		switch {
		case errors.Is(err, io.EOF): // Python: recv() == b''
			fmt.Printf("client %d: io.EOF, a normal close\n", client)
			return
		case isReset(err): // Python: except ConnectionResetError
			fmt.Printf("client %d: ECONNRESET, a reset\n", client)
			return
		case err != nil:
			fmt.Printf("client %d: %v\n", client, err)
			return
		}
		fmt.Printf("client %d: got %q\n", client, buf[:n])
		conn.Write(buf[:n])
	}
}
