// The endian-right client: writes the length in network byte order
// (big-endian), as the protocol says: Python's struct.pack('>I').
package main

import (
	"bytes"
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

	msg := "hello"
	var frame bytes.Buffer
	// Network byte order, whatever this machine uses inside.
	binary.Write(&frame, binary.BigEndian, uint32(len(msg)))
	fmt.Printf("length %d, big-endian: % x\n",
		len(msg), frame.Bytes())
	frame.WriteString(msg)
	if _, err := conn.Write(frame.Bytes()); err != nil {
		log.Fatal(err)
	}

	io.ReadAll(conn) // wait until the server hangs up
	fmt.Println("server closed the connection")
}
