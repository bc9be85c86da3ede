// Valid style: a *net.UDPConn from net.ListenUDP, with ReadFromUDP and
// WriteToUDP (the reference uses net.ListenPacket, ReadFrom and WriteTo),
// and each reply formatted with time.Now().AppendFormat in a goroutine of
// its own, sent from the one socket the request came to.
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

	local, err := net.ResolveUDPAddr("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := net.ListenUDP("udp", local)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	fmt.Println("listening on", conn.LocalAddr())

	buf := make([]byte, 64<<10)
	for {
		n, from, err := conn.ReadFromUDP(buf)
		if err != nil {
			log.Fatal(err)
		}
		// string(...) copies the layout out of buf before the next read.
		go reply(conn, from, string(buf[:n]))
	}
}

// reply sends the current time in layout (or the default layout) to to.
func reply(conn *net.UDPConn, to *net.UDPAddr, layout string) {
	if layout == "" {
		layout = time.DateTime
	}
	if _, err := conn.WriteToUDP(time.Now().AppendFormat(nil, layout), to); err != nil {
		log.Printf("reply to %s: %v", to, err)
	}
}
