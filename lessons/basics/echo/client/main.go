// The echo client: send each line of standard input to the server and
// print what comes back.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	input := bufio.NewScanner(os.Stdin)
	replies := bufio.NewScanner(conn)
	for input.Scan() {
		// Send one line, then wait for its echo before the next.
		if _, err := fmt.Fprintf(conn, "%s\n", input.Text()); err != nil {
			log.Fatal(err)
		}
		if !replies.Scan() {
			log.Fatal("server closed the connection early")
		}
		fmt.Printf("echo: %s\n", replies.Text())
	}
}
