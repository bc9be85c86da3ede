// Flaw: takes the length on trust: no limit, so a header announcing 4 GiB
// makes the server allocate it and wait for a payload that never comes.
//
// Fails: one-past-limit, huge-length.
package main

import (
	"crypto/sha256"
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
	fmt.Println("listening on", ln.Addr())

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		if err := serve(conn); err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
		}
	}
}

// serve answers one client's frames until it closes the connection or
// sends something the server will not take.
func serve(conn net.Conn) error {
	defer conn.Close()
	for {
		payload, err := readFrame(conn)
		if errors.Is(err, io.EOF) {
			return nil // the client closed between two frames: the normal end
		}
		if err != nil {
			return err
		}
		sum := sha256.Sum256(payload)
		if err := writeFrame(conn, sum[:]); err != nil {
			return fmt.Errorf("reply: %w", err)
		}
	}
}

// readFrame reads one frame from r and returns its payload. It returns
// io.EOF only when r ends cleanly before a frame starts. A stream that
// ends inside a frame gives io.ErrUnexpectedEOF. A length over maxFrame is
// an error returned before anything more is read or allocated: the length
// comes from the other side and is not to be trusted.
func readFrame(r io.Reader) ([]byte, error) {
	var header [4]byte
	// io.ReadFull, not one Read: a Read may return fewer bytes than asked,
	// even just one byte of the header.
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(header[:])
	payload := make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF // the header promised a payload
		}
		return nil, fmt.Errorf("payload of %d bytes: %w", n, err)
	}
	return payload, nil
}

// writeFrame writes payload as one frame, header and payload in a single
// Write.
func writeFrame(w io.Writer, payload []byte) error {
	frame := make([]byte, 4, 4+len(payload))
	binary.BigEndian.PutUint32(frame, uint32(len(payload)))
	frame = append(frame, payload...)
	_, err := w.Write(frame)
	return err
}
