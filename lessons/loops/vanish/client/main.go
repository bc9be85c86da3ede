// A client that vanishes: it opens two connections and ends its process
// with os.Exit, without closing either. On one connection it has left
// data unread; on the other it has read everything.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	greeted, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	one := make([]byte, 1)
	if _, err := greeted.Read(one); err != nil { // 1 byte of the line
		log.Fatal(err)
	}
	fmt.Printf("greeted: read %q, left the rest unread\n", one)

	quiet, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := quiet.Write([]byte("hello")); err != nil {
		log.Fatal(err)
	}
	fmt.Println("exiting without Close")
	os.Exit(0) // no deferred calls run: the sockets are left open
}
