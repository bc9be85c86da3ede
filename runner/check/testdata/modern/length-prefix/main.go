// Modern Go used here: an iterator of the program's own, an iter.Seq
// (Go 1.23) of the frames on a connection, walked with range over a
// function; the reader keeps the error that ended it, like bufio.Scanner.
//
// length-prefix: a frame is a 4-byte big-endian length N, then N bytes of
// payload. Each frame is answered with a frame holding the 32-byte
// SHA-256 of its payload. N = 0 is a valid, empty frame. A length over
// 16 MiB ends that client's connection before any of the payload is read
// or allocated; the server goes on serving the next client.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"log"
	"net"
)

// maxFrame is the largest payload the server accepts, in bytes.
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
		if err := serve(conn); err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
		}
	}
}

// serve answers each frame of one client until it closes the connection
// or sends something the server will not take.
func serve(conn net.Conn) error {
	defer conn.Close()
	fr := &frameReader{r: conn, max: maxFrame}
	for payload := range fr.Frames() {
		sum := sha256.Sum256(payload)
		reply := binary.BigEndian.AppendUint32(nil, uint32(len(sum)))
		if _, err := conn.Write(append(reply, sum[:]...)); err != nil {
			return fmt.Errorf("reply: %w", err)
		}
	}
	return fr.Err()
}

// frameReader reads length-prefixed frames from r.
type frameReader struct {
	r   io.Reader
	max uint32 // the largest payload taken; a longer one ends the frames
	err error
}

// Frames yields the payload of each frame in turn, until the stream ends
// or goes wrong; then Err says which. A payload is valid only until the
// loop asks for the next one.
func (fr *frameReader) Frames() iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		var header [4]byte
		for {
			// io.ReadFull, not one Read: TCP may deliver the header, or
			// the payload, in pieces.
			if _, err := io.ReadFull(fr.r, header[:]); err != nil {
				if !errors.Is(err, io.EOF) { // EOF here: a clean end
					fr.err = fmt.Errorf("frame header: %w", err)
				}
				return
			}
			n := binary.BigEndian.Uint32(header[:])
			if n > fr.max {
				// The length comes from the other side: checked before
				// anything is read or allocated.
				fr.err = fmt.Errorf("frame of %d bytes is over the limit of %d", n, fr.max)
				return
			}
			payload := make([]byte, n)
			if _, err := io.ReadFull(fr.r, payload); err != nil {
				fr.err = fmt.Errorf("payload of %d bytes: %w", n, err)
				return
			}
			if !yield(payload) {
				return
			}
		}
	}
}

// Err is why Frames stopped: nil when the stream ended cleanly between
// two frames.
func (fr *frameReader) Err() error { return fr.err }
