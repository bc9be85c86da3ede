// Connect once per line of input, one connection after the other: each
// connection sends its line, prints the echo and closes.
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

	input := bufio.NewScanner(os.Stdin)
	for i := 1; input.Scan(); i++ {
		conn, err := net.Dial("tcp", *addr)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := conn.Write(input.Bytes()); err != nil {
			log.Fatal(err)
		}
		buf := make([]byte, 1024)
		n, err := conn.Read(buf)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("connection %d: echo %q\n", i, buf[:n])
		conn.Close() // the server goes on to the next client
	}
}
