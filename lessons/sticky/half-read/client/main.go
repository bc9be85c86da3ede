// The half-read client: one message of 10 bytes, one Write.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	fmt.Println(`writing "helloworld" (10 bytes) in one Write`)
	if _, err := conn.Write([]byte("helloworld")); err != nil {
		log.Fatal(err)
	}

	// Wait until the server closes (Read returns io.EOF), so that
	// its lines are printed before ours.
	io.ReadAll(conn)
	fmt.Println("server closed the connection")
}
