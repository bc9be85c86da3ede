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
	defer ln.Close()
	for i := 0; ; i++ {
		fmt.Println("line", i)
	}
}
