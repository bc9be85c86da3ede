// udp-time starter: the server answers every datagram with the current
// time, to the address the datagram came from.
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
