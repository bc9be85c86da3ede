// Connect 20 times, one after the other, and read each greeting. The
// client cannot tell which of the server's listeners took each one.
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

	greetings := 0
	for i := 0; i < 20; i++ {
		conn, err := net.Dial("tcp", *addr)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := io.ReadAll(conn); err != nil {
			log.Fatal(err)
		}
		conn.Close()
		greetings++
	}
	fmt.Println("connected 20 times, got", greetings, "greetings")
}
