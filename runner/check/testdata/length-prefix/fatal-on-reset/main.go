// Flaw: a payload read that fails with anything but the end of the
// stream stops the whole server with log.Fatal: a reset does.
//
// Fails: reset-mid-frame.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"flag"
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
		if _, err := io.ReadFull(conn, header); err != nil {
			return
		}
		n := binary.BigEndian.Uint32(header)
		if n > 16<<20 {
			log.Printf("frame of %d bytes: too large", n)
			return
		}
		payload := make([]byte, n)
		if _, err := io.ReadFull(conn, payload); err != nil {
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return
			}
			log.Fatal(err)
		}
		sum := sha256.Sum256(payload)
		reply := binary.BigEndian.AppendUint32(nil, 32)
		if _, err := conn.Write(append(reply, sum[:]...)); err != nil {
			return
		}
	}
}
