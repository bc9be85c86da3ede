//go:build unix

// "Address already in use", reproduced. This listener is made WITHOUT
// SO_REUSEADDR (Go sets it by default; we switch it off). The server
// closes its connection first, so that socket waits in TIME_WAIT,
// still holding the port, and listening there again fails. Unix only:
// on Windows Go never sets SO_REUSEADDR, and a new listener starts
// past TIME_WAIT anyway.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"syscall"
)

// noReuse makes listeners with SO_REUSEADDR off, like Python's.
var noReuse = net.ListenConfig{
	Control: func(network, address string, c syscall.RawConn) error {
		var err error
		c.Control(func(fd uintptr) {
			err = syscall.SetsockoptInt(int(fd),
				syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 0)
		})
		return err
	},
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := noReuse.Listen(context.Background(), "tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	ln.Close() // no more clients: the "server stops"
	fmt.Fprintln(conn, "hello; I close first")

	// Active close: our FIN goes first, then we wait for the client's.
	// Our socket now sits in TIME_WAIT (60 s on Linux).
	conn.(*net.TCPConn).CloseWrite()
	io.Copy(io.Discard, conn)
	conn.Close()
	fmt.Println("closed first: the connection is in TIME_WAIT")

	// The "restarted server" tries the same address again: as before,
	// then "fixed" with Go's default (a zero ListenConfig sets
	// SO_REUSEADDR). On Linux both fail: the kernel wants the option on
	// the old socket, the one in TIME_WAIT, as well.
	relisten("without SO_REUSEADDR", noReuse, *addr)
	relisten("with SO_REUSEADDR", net.ListenConfig{}, *addr)
	os.Exit(1) // the restarted server could not start
}

// relisten tries to listen on addr and says how it went.
func relisten(how string, lc net.ListenConfig, addr string) {
	ln, err := lc.Listen(context.Background(), "tcp", addr)
	switch {
	case errors.Is(err, syscall.EADDRINUSE): // Python: Errno 98
		fmt.Printf("listen again %s: address already in use\n", how)
	case err != nil:
		fmt.Printf("listen again %s: %v\n", how, err)
	default:
		fmt.Printf("listen again %s: ok\n", how)
		ln.Close()
	}
}
