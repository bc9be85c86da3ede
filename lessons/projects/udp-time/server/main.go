// The UDP time server: each datagram's payload is a Go time layout
// ("2006-01-02" for a date); the reply is the current time in that
// layout, sent back to whoever asked. An empty payload means
// "2006-01-02 15:04:05". It serves until stopped (Ctrl-C).
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	conn, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	buf := make([]byte, 512) // a layout longer than this is cut short
	for {
		n, from, err := conn.ReadFrom(buf)
		if err != nil {
			log.Fatal(err)
		}
		layout := string(buf[:n])
		if layout == "" {
			layout = "2006-01-02 15:04:05"
		}
		fmt.Printf("asked for layout %q\n", layout)
		reply := time.Now().Format(layout)
		if _, err := conn.WriteTo([]byte(reply), from); err != nil {
			log.Fatal(err)
		}
	}
}
