// Exercise length-prefix (chapter headers): length-prefixed frames.
//
// Write a TCP server that listens on the address of its -addr flag and
// serves clients one after another, for ever. A frame is a 4-byte
// big-endian length N, then N bytes (N = 0 is valid). For each frame,
// reply with a frame holding the 32-byte SHA-256 of the payload. A length
// over 16 MiB closes that connection without reading or allocating the
// payload, and the server goes on serving.
//
// This starter reads a frame's length, then its payload, and replies
// with the payload's SHA-256 in a frame: see the TODO, and ask whether
// one Read returns all it was asked for.
//
// Check it:  sockbook check length-prefix
// Stuck?     sockbook hint length-prefix gives one more hint each time.
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
