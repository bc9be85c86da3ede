// The udp/echo server, unchanged, run through a relay that loses and
// duplicates datagrams. It prints every datagram it gets, so a lost
// request shows as a missing line and a duplicate as a repeated one.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	// socket(AF_INET, SOCK_DGRAM) + bind, in one call.
	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer pc.Close()

	buf := make([]byte, 1024)
	for {
		n, from, err := pc.ReadFrom(buf) // one datagram per call
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("got %q\n", buf[:n])
		reply := bytes.ToUpper(buf[:n])
		if _, err := pc.WriteTo(reply, from); err != nil {
			log.Fatal(err)
		}
	}
}
