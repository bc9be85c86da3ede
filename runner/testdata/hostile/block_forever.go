package main

import (
	"flag"
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
	conn, _ := ln.Accept()
	buf := make([]byte, 10)
	conn.Read(buf) // the client never writes: blocks for ever
	select {}
}
