// UDP keeps message boundaries: each ReadFrom returns exactly one
// datagram, even when several wait in the socket's queue together.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer pc.Close()

	buf := make([]byte, 1024)
	for i := 1; ; i++ {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("ReadFrom %d: %q\n", i, buf[:n])
		if i == 1 { // be slow once: let the next ones pile up
			time.Sleep(200 * time.Millisecond)
		}
		reply := fmt.Sprintf("datagram %d had %d bytes", i, n)
		if _, err := pc.WriteTo([]byte(reply), from); err != nil {
			log.Fatal(err)
		}
	}
}
