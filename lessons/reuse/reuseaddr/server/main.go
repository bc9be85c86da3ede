// The fix: the addr-in-use server with Go's plain net.Listen. On Unix
// Go sets SO_REUSEADDR on every listener (and so on the connections it
// accepts), so a restarted server can listen again although the old
// connection is still in TIME_WAIT.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr) // SO_REUSEADDR is on
	if err != nil {
		log.Fatal(err)
	}
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	ln.Close()
	fmt.Fprintln(conn, "hello; I close first")
	conn.(*net.TCPConn).CloseWrite() // active close, as before
	io.Copy(io.Discard, conn)
	conn.Close()
	fmt.Println("closed first: the connection is in TIME_WAIT")

	// The "restarted server" listens on the same address again.
	ln, err = net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listen again: ok")

	conn, err = ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(conn, "hello again")
	conn.Close()
}
