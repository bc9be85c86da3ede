// Listens with the typed calls net.ListenTCP and net.ListenUDP, which the
// runner wraps like net.Listen, and accepts with AcceptTCP.
package main

import (
	"flag"
	"fmt"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	flag.Parse()
	ta, _ := net.ResolveTCPAddr("tcp", *addr)
	ln, err := net.ListenTCP("tcp", ta)
	if err != nil {
		panic(err)
	}
	ua, _ := net.ResolveUDPAddr("udp", "127.0.0.1:0")
	uc, err := net.ListenUDP("udp", ua)
	if err != nil {
		panic(err)
	}
	fmt.Println("udp ok", uc.LocalAddr() != nil)
	c, _ := ln.AcceptTCP()
	c.Close()
}
