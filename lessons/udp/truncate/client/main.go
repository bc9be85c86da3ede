// Send each line as one datagram and print what the server says it
// received.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	input := bufio.NewScanner(os.Stdin)
	buf := make([]byte, 1024)
	for input.Scan() {
		n, err := conn.Write(input.Bytes())
		if err != nil {
			log.Fatal(err)
		}
		sent := n
		// A deadline (the concurrency chapter has more on them).
		conn.SetReadDeadline(time.Now().Add(time.Second))
		n, err = conn.Read(buf)
		if err != nil {
			fmt.Printf("sent %d bytes; no reply (lost?)\n", sent)
			continue
		}
		fmt.Printf("sent %d bytes; server: %s\n", sent, buf[:n])
	}
}
