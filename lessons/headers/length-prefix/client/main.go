// The length-prefix client: sends a few messages as frames, each a
// 4-byte big-endian length followed by the message.
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

// writeFrame writes msg behind its length, like Python's
// sock.sendall(struct.pack('>I', len(msg)) + msg).
func writeFrame(w io.Writer, msg []byte) error {
	n := uint32(len(msg))
	if err := binary.Write(w, binary.BigEndian, n); err != nil {
		return err
	}
	_, err := w.Write(msg)
	return err
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// The bufio.Writer gathers the small writes; Flush sends them.
	w := bufio.NewWriter(conn)
	for _, msg := range []string{"hello", "héllo", ""} {
		fmt.Printf("frame of %d bytes: %q\n", len(msg), msg)
		if err := writeFrame(w, []byte(msg)); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}

	// Half-close: the server's next Read returns io.EOF.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
