// Modern Go used here: cmp.Or (Go 1.22) for the default layout, and the
// builtin clear (Go 1.21) to empty the table of senders when it grows too
// big.
//
// udp-time: each datagram's payload is a Go time layout (empty means
// "2006-01-02 15:04:05"); the reply, sent from the same socket to whoever
// asked, is the current time in that layout.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

const (
	defaultLayout = "2006-01-02 15:04:05"
	maxDatagram   = 2048 // a longer datagram is cut to this
	maxSenders    = 1000 // senders remembered for the log
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer pc.Close()
	fmt.Println("listening on", pc.LocalAddr())

	// asked counts requests per sender, for the log. Anyone can send a
	// datagram from any port, so the table is emptied when it gets big
	// rather than allowed to grow for ever.
	asked := make(map[string]int)
	buf := make([]byte, maxDatagram)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			log.Fatal(err)
		}
		if len(asked) >= maxSenders {
			clear(asked)
		}
		asked[from.String()]++
		layout := cmp.Or(string(buf[:n]), defaultLayout)
		reply := time.Now().Format(layout)
		fmt.Printf("request %d from %s: %q\n", asked[from.String()], from, layout)
		if _, err := pc.WriteTo([]byte(reply), from); err != nil {
			log.Printf("reply to %s: %v", from, err)
		}
	}
}
