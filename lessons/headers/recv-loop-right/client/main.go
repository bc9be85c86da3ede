// Two connections to a length-prefixed server. The first sends two
// messages in one Write; the second sends a header that claims 10
// bytes, then only 5, and closes its side.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
)

// frame is a 4-byte big-endian length, then the body.
func frame(size int, body string) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(size))
	return append(b, body...)
}

func send(addr string, data []byte) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write(data); err != nil {
		log.Fatal(err)
	}
	conn.(*net.TCPConn).CloseWrite() // nothing more to send
	io.ReadAll(conn)                 // wait until the server closes
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	send(*addr, append(frame(5, "hello"), frame(5, "world")...))
	fmt.Println("connection 1: sent \"hello\" and \"world\"")
	send(*addr, frame(10, "world")) // 5 bytes short
	fmt.Println("connection 2: sent a header for 10 bytes, then 5")
}
