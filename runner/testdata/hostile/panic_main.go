package main

import (
	"flag"
	"fmt"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	fmt.Println("listening")
	conn, _ := ln.Accept()
	var m map[string]int
	m["boom"]++ // assignment to entry in nil map
	conn.Close()
}
