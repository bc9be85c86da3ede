// Binding, client side: the same port on two loopback addresses. Only
// the address the server listens on answers.
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

	_, port, err := net.SplitHostPort(*addr)
	if err != nil {
		log.Fatal(err)
	}
	for _, host := range []string{"::1", "127.0.0.1"} {
		to := net.JoinHostPort(host, port)
		conn, err := net.Dial("tcp", to)
		if err != nil {
			fmt.Printf("%s: nobody listens there\n", to)
			continue
		}
		fmt.Printf("%s: connected\n", to)
		io.ReadAll(conn) // until the server closes
		conn.Close()
	}
}
