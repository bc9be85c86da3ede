// The addresses server: print both ends of the connection as the server
// sees them (Python's getsockname and getpeername).
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
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

	// The server's end keeps the port it listens on; the client's end has
	// a port the client's system picked (an ephemeral port).
	fmt.Println("server: my end   (getsockname):", conn.LocalAddr())
	fmt.Println("server: peer end (getpeername):", conn.RemoteAddr())
	fmt.Fprintf(conn, "you are %s\n", conn.RemoteAddr())
}
