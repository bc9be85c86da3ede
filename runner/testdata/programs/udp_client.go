package main

import (
	"flag"
	"fmt"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	flag.Parse()
	conn, err := net.Dial("udp", *addr)
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	for _, word := range []string{"one", "two"} {
		conn.Write([]byte(word))
		buf := make([]byte, 64)
		n, err := conn.Read(buf)
		if err != nil {
			panic(err)
		}
		fmt.Printf("reply %q\n", buf[:n])
	}
}
