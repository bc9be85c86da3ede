// The ready-wrong server: after each length it answers "ready" and
// only then gets the body, so every message costs one more round
// trip than it needs.
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
		var size uint32
		err := binary.Read(conn, binary.BigEndian, &size)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || size > 1024 {
			log.Fatalf("bad length %d: %v", size, err)
		}
		// WRONG: the client waits for this before it sends the body.
		if _, err := conn.Write([]byte("ready")); err != nil {
			log.Fatal(err)
		}
		body := make([]byte, size)
		if _, err := io.ReadFull(conn, body); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("message: %q\n", body)
		if _, err := conn.Write([]byte("ok")); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println("client finished")
}
