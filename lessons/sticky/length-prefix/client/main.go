// The length-prefix client: each message becomes a frame, a 4-byte
// big-endian length followed by the message; all frames go out in
// one Write.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// A body may hold any byte, '\n' too; it may also be empty.
	var out []byte
	for _, msg := range []string{"hello", "sticky\nworld", ""} {
		head := make([]byte, 4)
		// Python's struct.pack('>I', len(msg)):
		binary.BigEndian.PutUint32(head, uint32(len(msg)))
		fmt.Printf("frame: % x | %q\n", head, msg)
		out = append(out, head...)
		out = append(out, msg...)
	}
	fmt.Printf("writing %d bytes in one Write\n", len(out))
	if _, err := conn.Write(out); err != nil {
		log.Fatal(err)
	}

	// Half-close: the server's next Read returns io.EOF.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
