// Flaw: formats the time with the payload as it is, also when it is empty:
// an empty datagram gets an empty reply.
//
// Fails: default-layout, two-clients.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"time"
)

// maxDatagram is the read buffer's size. A datagram longer than the
// buffer is cut to fit: UDP keeps message boundaries, and the rest of a
// datagram is lost, not left for the next read.
const maxDatagram = 2048

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	// One socket for every client: no Listen, no Accept, no connections.
	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer pc.Close()
	fmt.Println("listening on", pc.LocalAddr())

	buf := make([]byte, maxDatagram)
	for {
		// ReadFrom says who sent the datagram; that is the only place
		// the reply can go.
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			log.Fatal(err)
		}
		reply := stamp(time.Now(), string(buf[:n]))
		// Reply from the same socket, so the reply comes from the
		// address the client sent to; a client with a connected socket
		// (net.Dial("udp", ...)) accepts nothing else.
		if _, err := pc.WriteTo(reply, from); err != nil {
			log.Printf("reply to %s: %v", from, err)
		}
	}
}

// stamp formats now in layout, or in defaultLayout when layout is empty.
func stamp(now time.Time, layout string) []byte {
	return []byte(now.Format(layout))
}
