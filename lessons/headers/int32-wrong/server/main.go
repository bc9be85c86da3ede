// WRONG: reads each file size as a 4-byte signed number.
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
		var size int32 // WRONG: at most 2 GiB - 1
		err := binary.Read(conn, binary.BigEndian, &size)
		if err != nil {
			fmt.Println("no more sizes:", err)
			return
		}
		fmt.Printf("a file of %d bytes\n", size)
	}
}
