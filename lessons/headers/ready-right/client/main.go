// The ready-right client: sends each message as its length and body
// in one Write, then waits for "ok". One round trip per message.
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

	ok := make([]byte, 2)
	for _, msg := range []string{"one", "two", "three"} {
		fmt.Printf("sending %q\n", msg)
		frame := make([]byte, 4+len(msg))
		binary.BigEndian.PutUint32(frame, uint32(len(msg)))
		copy(frame[4:], msg)
		if _, err := conn.Write(frame); err != nil {
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
