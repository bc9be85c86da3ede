// The fixed-size client: pads each message with spaces to 16 bytes
// (Python's msg.ljust(16)) and sends all three in one Write.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

const size = 16 // the protocol: every message is 16 bytes

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	var stream []byte
	for _, msg := range []string{"hello", "sticky", "world"} {
		if len(msg) > size {
			log.Fatalf("%q does not fit in %d bytes", msg, size)
		}
		padded := fmt.Sprintf("%-*s", size, msg) // left-aligned
		fmt.Printf("padded: %q\n", padded)
		stream = append(stream, padded...)
	}
	fmt.Printf("writing %d bytes in one Write\n", len(stream))
	if _, err := conn.Write(stream); err != nil {
		log.Fatal(err)
	}

	// Half-close: the server's next Read returns io.EOF.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
