// The accept loop (the "link loop"): serve one client until it leaves,
// then wait for the next, for ever. Clients are served in turn: while
// one is served, the next waits in the listen queue.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	for client := 1; ; client++ { // the accept loop
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("client %d connected\n", client)
		serve(client, conn)
	}
}

// serve is the communication loop for one client. A failing client
// ends only its own connection, never the server.
func serve(client int, conn net.Conn) {
	defer conn.Close()
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if errors.Is(err, io.EOF) {
			fmt.Printf("client %d left\n", client)
			return
		}
		if err != nil {
			fmt.Printf("client %d: %v\n", client, err)
			return
		}
		fmt.Printf("client %d says %q\n", client, buf[:n])
		if _, err := conn.Write(buf[:n]); err != nil {
			fmt.Printf("client %d: %v\n", client, err)
			return
		}
	}
}
