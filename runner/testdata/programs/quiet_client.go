package main

import (
	"flag"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	flag.Parse()
	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		panic(err)
	}
	conn.Close()
}
