// hello-once starter: the server accepts a client and reads its message.
// It does not answer the way the exercise asks yet.
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

	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("received %q\n", buf[:n])

	// TODO: the reply must be "hello, " followed by the message. For now
	// the server only sends the message back.
	if _, err := conn.Write(buf[:n]); err != nil {
		log.Fatal(err)
	}
}
