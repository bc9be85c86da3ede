package main

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	// A server that waits for a line on stdin: the runner gives servers none.
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	fmt.Printf("stdin gave %q, %v\n", line, err)
}
