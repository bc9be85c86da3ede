// A correct hello server that trips the interpreter at run time: it
// accepts a range over a function (Go 1.23) and then panics on it.
package main

import (
	"flag"
	"fmt"
	"net"
)

// greetings yields the words the server says when it is ready.
func greetings(yield func(string) bool) {
	for _, w := range []string{"hello", "gopher"} {
		if !yield(w) {
			return
		}
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	for w := range greetings {
		fmt.Println("ready:", w)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	conn, err := ln.Accept()
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(conn, "hello, %s", buf[:n])
	fmt.Println("replied")
}
