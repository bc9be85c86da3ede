// The hello server: accept one connection, read one message, answer it,
// close. The four calls every TCP server makes, in Go's words.
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

	// socket + bind + listen, in one call.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())

	// accept: wait for a client; conn is the connection to that one
	// client.
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	buf := make([]byte, 1024)
	n, err := conn.Read(buf) // recv(1024)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("received %q\n", buf[:n])

	// Bytes go on the wire, not strings: convert explicitly.
	reply := "hello, " + string(buf[:n])
	if _, err := conn.Write([]byte(reply)); err != nil {
		log.Fatal(err)
	}
	fmt.Println("replied; closing")
}
