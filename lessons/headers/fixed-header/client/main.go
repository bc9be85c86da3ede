// The fixed-header client: writes each message as a 6-byte binary
// header (version, kind, length) followed by the body.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

// header is the protocol's header: Python's struct.pack('>BBI', ...).
type header struct {
	Version uint8
	Kind    uint8  // 1 = text, 2 = ping
	Length  uint32 // bytes of body that follow
}

// frame returns one message, header then body, ready to send.
func frame(kind uint8, body string) []byte {
	var b bytes.Buffer
	h := header{Version: 1, Kind: kind, Length: uint32(len(body))}
	binary.Write(&b, binary.BigEndian, h) // network byte order
	fmt.Printf("header % x, body %q\n", b.Bytes(), body)
	b.WriteString(body)
	return b.Bytes()
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	fmt.Println("header size:", binary.Size(header{})) // calcsize
	out := append(frame(1, "hello"), frame(2, "ping")...)
	if _, err := conn.Write(out); err != nil {
		log.Fatal(err)
	}

	// Half-close: the server's next Read returns io.EOF.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
