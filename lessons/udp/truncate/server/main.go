// A datagram bigger than the read buffer is cut to fit, and the rest
// is thrown away: the next ReadFrom returns the next datagram. On Linux
// and macOS no error says so; on Windows ReadFrom returns the 10 bytes
// and an error, WSAEMSGSIZE (10040), and this server stops there.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer pc.Close()

	buf := make([]byte, 10) // too small on purpose: recvfrom(10)
	for {
		n, from, err := pc.ReadFrom(buf)
		fmt.Printf("read %d bytes %q, error %v\n", n, buf[:n], err)
		if err != nil {
			log.Fatal(err)
		}
		reply := fmt.Sprintf("I got %d bytes", n)
		if _, err := pc.WriteTo([]byte(reply), from); err != nil {
			log.Fatal(err)
		}
	}
}
