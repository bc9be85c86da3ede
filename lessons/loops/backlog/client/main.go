// The backlog, client side: connect four times. Connections 2 to 4 are
// complete, and can send, before the server has accepted them.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	first, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer first.Close()

	var waiting []net.Conn
	for i := 2; i <= 4; i++ {
		conn, err := net.Dial("tcp", *addr)
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
		fmt.Printf("connection %d: connected, not yet accepted\n", i)
		fmt.Fprintf(conn, "hello from %d\n", i) // waits in the server
		waiting = append(waiting, conn)
	}
	fmt.Fprintf(first, "3 more connections are waiting\n")

	for i, conn := range waiting {
		io.ReadAll(conn) // until the server closes it
		fmt.Printf("connection %d: served and closed\n", i+2)
	}
}
