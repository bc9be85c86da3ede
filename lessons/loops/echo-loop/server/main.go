// The communication loop (通信循环): serve one client, answer every
// line it sends, uppercased, until it closes the connection.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"strings"
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
	fmt.Println("a client connected")

	lines := bufio.NewScanner(conn)
	for lines.Scan() { // Python: while True: data = conn.recv(1024)
		msg := lines.Text()
		fmt.Printf("got %q\n", msg)
		reply := strings.ToUpper(msg) + "\n"
		if _, err := conn.Write([]byte(reply)); err != nil {
			log.Fatal(err)
		}
	}
	// Scan returned false: io.EOF (Python: if not data: break), or an
	// error, which Err returns.
	if err := lines.Err(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("the client closed the connection (io.EOF)")
}
