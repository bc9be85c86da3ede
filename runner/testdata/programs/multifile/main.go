// A server in two files, which the interpreter cannot run and the Go
// compiler can: the auto engine builds it.
package main

import (
	"flag"
	"fmt"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
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
	fmt.Fprint(conn, greet(string(buf[:n])))
	fmt.Println("greeted", string(buf[:n]))
}
