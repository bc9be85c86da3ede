// The limit client plays an attacker: its header claims a 64 MiB
// body, then it sends nothing more and waits for the server.
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

	// Four bytes cost the sender nothing. A uint32 can claim 4 GiB.
	claim := uint32(64 << 20)
	fmt.Printf("header claims %d bytes; sending none\n", claim)
	if err := binary.Write(conn, binary.BigEndian, claim); err != nil {
		log.Fatal(err)
	}

	// Half-close: the server's next Read returns io.EOF. A real
	// attacker would rather keep the connection open.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	reply, _ := io.ReadAll(conn) // until the server closes
	fmt.Printf("server closed the connection; it said %q\n", reply)
}
