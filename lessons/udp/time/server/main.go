// The UDP time server: each datagram holds a Go time layout; the reply
// is the current time in that layout. An empty datagram is a real
// datagram in UDP: it asks for the default layout.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

const defaultLayout = "2006-01-02 15:04:05"

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer pc.Close()

	buf := make([]byte, 1024)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			log.Fatal(err)
		}
		layout := string(buf[:n])
		if layout == "" { // Python: if not data: fmt = '%Y-%m-%d %X'
			layout = defaultLayout
		}
		fmt.Printf("%d bytes: layout %q\n", n, layout)
		now := time.Now().Format(layout)
		if _, err := pc.WriteTo([]byte(now), from); err != nil {
			log.Fatal(err)
		}
	}
}
