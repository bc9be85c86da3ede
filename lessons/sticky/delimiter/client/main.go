// The delimiter client: each message is a line, ended by '\n'.
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

	// A message must not contain the delimiter itself.
	for _, msg := range []string{"hello", "sticky", "world"} {
		fmt.Printf("writing %q\n", msg+"\n")
		if _, err := fmt.Fprintf(conn, "%s\n", msg); err != nil {
			log.Fatal(err)
		}
	}

	// Half-close: the server's next Read returns io.EOF.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
