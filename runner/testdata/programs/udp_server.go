package main

import (
	"flag"
	"fmt"
	"net"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	flag.Parse()
	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		panic(err)
	}
	defer pc.Close()
	buf := make([]byte, 1024)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			return
		}
		fmt.Printf("got %q\n", buf[:n])
		pc.WriteTo([]byte(strings.ToUpper(string(buf[:n]))), from)
	}
}
