package main

import (
	"fmt"
	"net"
)

func main() {
	// Ignores -addr and listens on a port of its own choosing.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	fmt.Println("listening on my own port")
	conn, _ := ln.Accept()
	conn.Close()
}
