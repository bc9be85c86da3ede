// The endian-wrong client: writes the length in its machine's own
// byte order, little-endian on x86 and ARM. Python's struct.pack('i')
// without '>' or '!' does the same.
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
	// WRONG: the protocol says big-endian (network byte order).
	binary.Write(&frame, binary.LittleEndian, uint32(len(msg)))
	fmt.Printf("length %d, little-endian: % x\n",
		len(msg), frame.Bytes())
	frame.WriteString(msg)
	if _, err := conn.Write(frame.Bytes()); err != nil {
		log.Fatal(err)
	}

	io.ReadAll(conn) // wait until the server hangs up
	fmt.Println("server closed the connection")
}
