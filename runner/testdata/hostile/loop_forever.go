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
	n := 0
	for {
		n++
	}
}
