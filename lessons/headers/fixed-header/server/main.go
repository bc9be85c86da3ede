// The fixed-header server: each message starts with the same 6-byte
// binary header; binary.Read decodes it into a struct.
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

// header is the protocol's header: Python's struct.pack('>BBI', ...).
// binary.Size(header{}) is 6: no padding, unlike a C struct.
type header struct {
	Version uint8
	Kind    uint8  // 1 = text, 2 = ping
	Length  uint32 // bytes of body that follow
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	for {
		// binary.Read reads binary.Size(h) bytes with io.ReadFull.
		var h header
		err := binary.Read(conn, binary.BigEndian, &h)
		if errors.Is(err, io.EOF) {
			break // no more messages
		}
		if err != nil {
			log.Fatal(err)
		}
		if h.Version != 1 || h.Length > 1024 {
			log.Fatalf("bad header: version %d, length %d",
				h.Version, h.Length)
		}
		body := make([]byte, h.Length)
		if _, err := io.ReadFull(conn, body); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("version %d, kind %d, length %d: %q\n",
			h.Version, h.Kind, h.Length, body)
	}
	fmt.Println("client finished")
}
