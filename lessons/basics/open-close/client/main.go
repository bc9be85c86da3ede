// Opening and closing, seen from the client. Dial returns once the
// handshake is over. CloseWrite (Python's shutdown(SHUT_WR)) sends a FIN
// for our half only, so we can still read the server's answer.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr) // SYN, SYN-ACK, ACK
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	fmt.Println("Dial returned: the handshake is over")

	if _, err := conn.Write([]byte("hello")); err != nil {
		log.Fatal(err)
	}
	// Our FIN: "I have nothing more to send".
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("CloseWrite: our FIN is sent")

	reply, err := io.ReadAll(conn) // until the server's FIN
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("got %q, then io.EOF: the server's FIN\n", reply)
}
