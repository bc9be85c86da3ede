package main

import (
	"flag"
	"fmt"
	"io"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
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
	all, err := io.ReadAll(conn) // until the client's FIN
	fmt.Printf("read %q until EOF (err %v)\n", all, err)
	conn.Write([]byte("bye"))
}
