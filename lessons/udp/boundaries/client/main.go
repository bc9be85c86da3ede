// Send every line of input as its own datagram, back to back without
// waiting; then collect one reply per datagram and print them.
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

	sent := 0
	input := bufio.NewScanner(os.Stdin)
	for input.Scan() { // one Write, one datagram
		if _, err := conn.Write(input.Bytes()); err != nil {
			log.Fatal(err)
		}
		sent++
	}

	var replies []string
	buf := make([]byte, 1024)
	// A deadline (the concurrency chapter has more on them).
	conn.SetReadDeadline(time.Now().Add(time.Second))
	for len(replies) < sent {
		n, err := conn.Read(buf)
		if err != nil {
			break // a timeout: the other replies were lost
		}
		replies = append(replies, string(buf[:n]))
	}
	fmt.Printf("sent %d datagrams; %d replies came back:\n",
		sent, len(replies))
	for _, r := range replies {
		fmt.Println(" ", r)
	}
}
