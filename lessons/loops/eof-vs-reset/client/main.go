// Two connections: the first ends with a normal Close (FIN), the
// second with SetLinger(0) then Close, which makes the kernel send a
// reset (RST) instead.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn := talk(*addr, "goodbye")
	fmt.Println("closing normally")
	conn.Close()

	conn = talk(*addr, "crash")
	fmt.Println("closing with SetLinger(0): a reset")
	// Linger 0: on Close, drop everything and send RST, not FIN.
	conn.(*net.TCPConn).SetLinger(0)
	conn.Close()
}

// talk connects, sends msg and waits for the echo, so that the server
// has read everything before we close.
func talk(addr, msg string) net.Conn {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := conn.Write([]byte(msg)); err != nil {
		log.Fatal(err)
	}
	buf := make([]byte, 64)
	n, err := conn.Read(buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("sent %q, echo %q\n", msg, buf[:n])
	return conn
}
