// The addresses client: print both ends of the connection as the client
// sees them, then what the server says it sees.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	fmt.Println("client: my end   (getsockname):", conn.LocalAddr())
	fmt.Println("client: peer end (getpeername):", conn.RemoteAddr())

	reply, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print("server says: ", reply)
}
