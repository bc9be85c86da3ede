// The json-header server: a 4-byte length, a JSON header of that
// length, then the body whose size the header gives.
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

// header is the JSON header: {"name": ..., "size": ...}.
type header struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

const (
	maxHeader = 64 << 10 // 64 KiB of JSON is plenty
	maxBody   = 1 << 20  // and 1 MiB of body, for this lesson
)

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

	var n uint32
	if err := binary.Read(conn, binary.BigEndian, &n); err != nil {
		log.Fatal(err)
	}
	if n > maxHeader {
		log.Fatalf("header of %d bytes: too large", n)
	}
	raw := make([]byte, n)
	if _, err := io.ReadFull(conn, raw); err != nil {
		log.Fatal(err)
	}
	var h header // json.loads(raw)
	if err := json.Unmarshal(raw, &h); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("header of %d bytes: name %q, size %d\n",
		n, h.Name, h.Size)
	if h.Size < 0 || h.Size > maxBody {
		log.Fatalf("body of %d bytes: refused", h.Size)
	}

	body := make([]byte, h.Size)
	if _, err := io.ReadFull(conn, body); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("body: %q\n", body)
}
