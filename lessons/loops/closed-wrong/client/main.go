// A polite client: send each line, print the answer, then say "I am
// done sending" (CloseWrite, Python's shutdown(SHUT_WR)) and wait until
// the server closes too, so we can watch what the server does.
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

	input := bufio.NewScanner(os.Stdin)
	buf := make([]byte, 1024)
	for input.Scan() {
		if _, err := conn.Write(input.Bytes()); err != nil {
			log.Fatal(err)
		}
		n, err := conn.Read(buf)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("server answered %q\n", buf[:n])
	}

	// Send our FIN: the server's next Read returns io.EOF.
	fmt.Println("done sending; waiting for the server to close")
	conn.(*net.TCPConn).CloseWrite()
	io.Copy(io.Discard, conn) // returns when the server closes
	fmt.Println("the server closed its end too")
}
