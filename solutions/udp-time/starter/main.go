// Exercise udp-time (chapter udp): a UDP time server.
//
// Write a server that listens for UDP datagrams on the address of its
// -addr flag and serves for ever. Each datagram's payload is a Go time
// layout (empty means "2006-01-02 15:04:05"); reply to the address the
// datagram came from with the current time in that layout.
//
// This starter answers every datagram, to its sender, but always in the
// default layout: see the TODO.
//
// Check it:  sockbook check udp-time
// Stuck?     sockbook hint udp-time gives one more hint each time.
package main

import (
	"flag"
	"log"
	"net"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer pc.Close()

	buf := make([]byte, 2048)
	for {
		_, from, err := pc.ReadFrom(buf)
		if err != nil {
			log.Fatal(err)
		}
		// TODO: the payload is the layout to use; only an empty payload
		// means "2006-01-02 15:04:05".
		reply := time.Now().Format("2006-01-02 15:04:05")
		if _, err := pc.WriteTo([]byte(reply), from); err != nil {
			log.Print(err)
		}
	}
}
