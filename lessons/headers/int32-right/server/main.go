// RIGHT: reads each file size as an 8-byte unsigned number.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
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
		var size uint64 // up to 16 EiB
		err := binary.Read(conn, binary.BigEndian, &size)
		if err != nil {
			fmt.Println("no more sizes:", err)
			return
		}
		fmt.Printf("a file of %d bytes\n", size)
	}
}
