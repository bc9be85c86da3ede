// The communication loop, client side: send each line you type, wait
// for the answer, print it; type "quit" to leave.
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
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close() // leaving main closes: the server sees io.EOF

	input := bufio.NewScanner(os.Stdin)
	replies := bufio.NewScanner(conn)
	for input.Scan() {
		msg := input.Text()
		if msg == "quit" {
			fmt.Println("quitting")
			return
		}
		if _, err := conn.Write([]byte(msg + "\n")); err != nil {
			log.Fatal(err)
		}
		// Wait for the answer before sending the next message.
		if !replies.Scan() {
			log.Fatal("the server closed the connection")
		}
		fmt.Printf("server answered %q\n", replies.Text())
	}
}
