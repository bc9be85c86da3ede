// The client: read the server's greeting until the server closes,
// close too, then, like a user trying again, connect once more until
// the restarted server answers.
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

	// Try again every 20 ms, for up to 5 s, until the restarted
	// server answers.
	for try := 1; ; try++ {
		conn, err = net.Dial("tcp", *addr)
		if err == nil {
			break
		}
		if try == 250 {
			fmt.Println("connect again: nobody listens there any more")
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	defer conn.Close()
	greeting, err = io.ReadAll(conn)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("connect again: server said %q\n", greeting)
}
