// The two-writes client: two messages, sent with two Writes.
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

	for _, msg := range []string{"hello", "world"} {
		fmt.Printf("writing %q\n", msg)
		if _, err := conn.Write([]byte(msg)); err != nil {
			log.Fatal(err)
		}
	}

	// Wait until the server closes (Read returns io.EOF), so that
	// its lines are printed before ours.
	io.ReadAll(conn)
	fmt.Println("server closed the connection")
}
