// The families server: one program, three address families. It
// listens on IPv4 (the -addr address), on IPv6 loopback and on a Unix
// socket, tells the client over IPv4 where the other two are, then
// accepts one connection on each and greets it. Windows 10 and later
// have Unix sockets too.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln4, err := net.Listen("tcp", *addr) // AF_INET
	if err != nil {
		log.Fatal(err)
	}
	defer ln4.Close()

	// Port 0: the system picks a free port.
	ln6, err := net.Listen("tcp6", "[::1]:0") // AF_INET6
	if err != nil {
		log.Fatalf("no IPv6 loopback here? %v", err)
	}
	defer ln6.Close()

	// A Unix socket is a file; this one lives in a fresh folder.
	dir, err := os.MkdirTemp("", "sockbook-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "families.sock")
	lnu, err := net.Listen("unix", path) // AF_UNIX
	if err != nil {
		log.Fatal(err)
	}
	defer lnu.Close()

	// Over IPv4, tell the client where the other two listen.
	c, err := ln4.Accept()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("IPv4: accepted %s on %s\n",
		c.RemoteAddr(), c.LocalAddr())
	fmt.Fprintf(c, "%s\n%s\n", ln6.Addr(), path)
	c.Close()

	c, err = ln6.Accept()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("IPv6: accepted %s on %s\n",
		c.RemoteAddr(), c.LocalAddr())
	fmt.Fprintln(c, "hello over IPv6")
	c.Close()

	// A client's Unix socket has no name of its own (unless it
	// binds one), so there is no client address to print.
	c, err = lnu.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	fmt.Println("Unix: accepted a client on",
		filepath.Base(c.LocalAddr().String()))
	fmt.Fprintln(c, "hello over a Unix socket")
}
