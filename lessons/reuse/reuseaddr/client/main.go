// The client: read the server's greeting until the server closes,
// close too, then, like a user trying again a moment later, connect
// once more.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	greeting, err := io.ReadAll(conn) // until the server closes
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("server said %q and closed\n", greeting)
	conn.Close()

	// Give the server a moment to restart, then try again.
	time.Sleep(300 * time.Millisecond)
	conn, err = net.Dial("tcp", *addr)
	if err != nil {
		fmt.Println("connect again: nobody listens there any more")
		return
	}
	defer conn.Close()
	greeting, err = io.ReadAll(conn)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("connect again: server said %q\n", greeting)
}
