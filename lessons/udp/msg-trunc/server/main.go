//go:build unix

// ReadMsgUDP also returns flags, and MSG_TRUNC among them says that the
// datagram was cut to fit the buffer. Unix only: on Windows package
// syscall has no MSG_TRUNC, and ReadFrom itself fails with WSAEMSGSIZE.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"syscall"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	laddr, err := net.ResolveUDPAddr("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := net.ListenUDP("udp", laddr) // a *net.UDPConn
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	buf := make([]byte, 10) // too small on purpose
	for {
		n, _, flags, from, err := conn.ReadMsgUDP(buf, nil)
		if err != nil {
			log.Fatal(err)
		}
		cut := flags&syscall.MSG_TRUNC != 0
		fmt.Printf("read %d bytes %q, MSG_TRUNC: %v\n", n, buf[:n], cut)
		reply := fmt.Sprintf("I got %d bytes", n)
		if cut {
			reply = "too big: refused"
		}
		if _, err := conn.WriteToUDP([]byte(reply), from); err != nil {
			log.Fatal(err)
		}
	}
}
