// The idle-timeout client: say one thing, then go silent and wait
// (at most 5 s) to see what the server does.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	// Our own bound on waiting: never block for ever on a peer.
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))

	fmt.Fprintf(conn, "hello\n")
	replies := bufio.NewReader(conn)
	reply, err := replies.ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print("reply: ", reply)

	fmt.Println("now staying silent...")
	if _, err := replies.ReadString('\n'); err == io.EOF {
		fmt.Println("the server closed the connection (EOF)")
	} else {
		log.Fatalf("wanted EOF, got %v", err)
	}
}
