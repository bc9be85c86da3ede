// WRONG: each message is its length in decimal, then the message:
// Python's str(len(data)).encode() + data. Nothing marks where the
// number ends.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	var stream []byte
	input := bufio.NewScanner(os.Stdin)
	for input.Scan() {
		msg := input.Text()
		stream = fmt.Appendf(stream, "%d%s", len(msg), msg) // WRONG
	}
	fmt.Printf("sending %q\n", stream)
	if _, err := conn.Write(stream); err != nil {
		log.Fatal(err)
	}
	conn.(*net.TCPConn).CloseWrite()
	io.ReadAll(conn) // wait until the server closes
}
