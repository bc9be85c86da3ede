// RIGHT: file sizes sent as 8-byte unsigned numbers, Python's
// struct.pack('>Q', size): room for any file.
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
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	for _, size := range []int64{1 << 20, 3 << 30} { // 1 MiB, 3 GiB
		fmt.Printf("sending the size %d\n", size)
		err := binary.Write(conn, binary.BigEndian, uint64(size))
		if err != nil {
			log.Fatal(err)
		}
	}
	conn.(*net.TCPConn).CloseWrite()
	io.ReadAll(conn) // wait until the server closes
}
