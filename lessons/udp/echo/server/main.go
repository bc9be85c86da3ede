// An uppercase echo over UDP. No Accept and no connection: one socket
// receives datagrams from anyone, and each reply goes to the address
// its datagram came from (Python: recvfrom and sendto).
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
