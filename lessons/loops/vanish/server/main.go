// A client that vanishes: its process ends without calling Close. The
// system closes its sockets for it, and what the server reads depends on
// the client's system. This transcript is from Linux; see the chapter
// for Windows.
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

// isReset reports whether err is a reset, on Unix and on Windows
// (WSAECONNRESET, 10054).
func isReset(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) &&
		(errno == syscall.ECONNRESET || errno == 10054)
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	greeted, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	// The client reads 1 byte of this and leaves the rest unread.
	fmt.Fprintf(greeted, "welcome! please read all of this line\n")

	quiet, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	buf := make([]byte, 1024)
	for _, c := range []struct {
		name string
		conn net.Conn
	}{{"quiet", quiet}, {"greeted", greeted}} {
		for { // read until the connection ends, then say how
			n, err := c.conn.Read(buf)
			if n > 0 {
				fmt.Printf("%s: got %q\n", c.name, buf[:n])
			}
			if errors.Is(err, io.EOF) {
				fmt.Printf("%s: io.EOF, as after a Close\n", c.name)
				break
			}
			if isReset(err) {
				fmt.Printf("%s: ECONNRESET, a reset\n", c.name)
				break
			}
			if err != nil {
				log.Fatal(err)
			}
		}
		c.conn.Close()
	}
}
