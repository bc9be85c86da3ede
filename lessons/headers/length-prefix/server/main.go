// The length-prefix server: reads frames (a 4-byte big-endian length,
// then that many bytes) until the client closes.
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

const maxFrame = 1 << 20 // never trust a length from the wire

// readFrame reads one frame and returns its payload. It returns
// io.EOF only when the stream ends cleanly between two frames.
func readFrame(r io.Reader) ([]byte, error) {
	var n uint32 // struct.unpack('>I', recv_exactly(4))[0]
	if err := binary.Read(r, binary.BigEndian, &n); err != nil {
		return nil, err
	}
	if n > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes: too large", n)
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF // cut after the header
		}
		return nil, err
	}
	return payload, nil
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
		msg, err := readFrame(conn)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d bytes: %q\n", len(msg), msg)
	}
	fmt.Println("client finished")
}
