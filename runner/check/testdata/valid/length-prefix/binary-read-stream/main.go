// Valid style: the length is read with binary.Read into a uint32 (the
// reference reads 4 bytes with io.ReadFull and decodes them by hand), and
// the payload is never held in memory: io.CopyN streams it from a
// bufio.Reader into the SHA-256 hash. The reply goes out through a
// bufio.Writer, its length written with binary.Write. Each connection has
// its own goroutine.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

// maxFrame is the largest payload accepted, in bytes.
const maxFrame = 16 << 20

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go func(c net.Conn) {
			defer c.Close()
			if err := serve(c); err != nil {
				log.Printf("client %s: %v", c.RemoteAddr(), err)
			}
		}(conn)
	}
}

// serve answers one connection's frames until it ends or breaks the rules.
func serve(conn net.Conn) error {
	in := bufio.NewReader(conn)
	out := bufio.NewWriter(conn)
	for {
		var n uint32
		// binary.Read fills n from exactly 4 bytes, however they arrive;
		// a clean end before them is io.EOF.
		if err := binary.Read(in, binary.BigEndian, &n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("read length: %w", err)
		}
		if n > maxFrame {
			return fmt.Errorf("frame of %d bytes is over the limit", n)
		}
		h := sha256.New()
		if got, err := io.CopyN(h, in, int64(n)); err != nil {
			return fmt.Errorf("payload: %d of %d bytes: %w", got, n, err)
		}
		sum := h.Sum(nil)
		if err := binary.Write(out, binary.BigEndian, uint32(len(sum))); err != nil {
			return err
		}
		out.Write(sum)
		if err := out.Flush(); err != nil {
			return fmt.Errorf("reply: %w", err)
		}
	}
}
