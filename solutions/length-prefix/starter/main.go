// length-prefix starter: the server reads a frame's 4-byte length, then
// its payload, and replies with the payload's SHA-256 in a frame.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"flag"
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

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		serve(conn)
	}
}

func serve(conn net.Conn) {
	defer conn.Close()
	for {
		header := make([]byte, 4)
		if _, err := conn.Read(header); err != nil {
			return
		}
		n := binary.BigEndian.Uint32(header)
		// TODO: refuse a length over 16 MiB before allocating it.
		payload := make([]byte, n)
		if _, err := conn.Read(payload); err != nil {
			return
		}
		sum := sha256.Sum256(payload)
		reply := make([]byte, 4, 36)
		binary.BigEndian.PutUint32(reply, 32)
		if _, err := conn.Write(append(reply, sum[:]...)); err != nil {
			return
		}
	}
}
