// Closing a listener, client side: connections 2 and 3 are complete
// and waiting in the server's queue when it closes its listener.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"syscall"
)

// isReset reports whether err is a reset, on Unix and on Windows
// (WSAECONNRESET, 10054).
func isReset(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) &&
		(errno == syscall.ECONNRESET || errno == 10054)
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	first, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer first.Close()
	var waiting []net.Conn
	for i := 2; i <= 3; i++ {
		conn, err := net.Dial("tcp", *addr)
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
		waiting = append(waiting, conn)
	}
	fmt.Fprintf(first, "2 more are waiting\n")
	reply, err := bufio.NewReader(first).ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("server says: %s", reply)

	buf := make([]byte, 64)
	for i, conn := range waiting {
		_, err := conn.Read(buf)
		fmt.Printf("connection %d: reset: %v\n", i+2, isReset(err))
	}
}
