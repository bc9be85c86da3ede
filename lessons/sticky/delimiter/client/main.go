// The delimiter client: each message is a line, ended by '\n'. All
// three lines go out in one Write.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// A message must not contain the delimiter itself.
	var stream strings.Builder
	for _, msg := range []string{"hello", "sticky", "world"} {
		if strings.Contains(msg, "\n") {
			log.Fatalf("%q holds the delimiter", msg)
		}
		stream.WriteString(msg + "\n")
	}
	fmt.Printf("writing %q in one Write\n", stream.String())
	if _, err := conn.Write([]byte(stream.String())); err != nil {
		log.Fatal(err)
	}

	// Half-close: the server's next Read returns io.EOF.
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
