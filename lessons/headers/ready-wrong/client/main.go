// The ready-wrong client: sends a length, waits for "ready", sends
// the body, waits for "ok". Two round trips per message.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	ready, ok := make([]byte, 5), make([]byte, 2)
	for _, msg := range []string{"one", "two", "three"} {
		fmt.Printf("sending %q\n", msg)
		n := uint32(len(msg))
		if err := binary.Write(conn, binary.BigEndian, n); err != nil {
			log.Fatal(err)
		}
		// WRONG: a round trip only to hear that the server is there.
		if _, err := io.ReadFull(conn, ready); err != nil {
			log.Fatal(err)
		}
		if _, err := conn.Write([]byte(msg)); err != nil {
			log.Fatal(err)
		}
		if _, err := io.ReadFull(conn, ok); err != nil {
			log.Fatal(err)
		}
	}

	// Half-close: the server's next Read returns io.EOF.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
