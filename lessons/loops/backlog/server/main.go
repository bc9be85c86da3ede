// The backlog: the system completes a client's connection on its own and
// keeps it in the listener's queue until Accept takes it. This server
// accepts one connection, then waits on it before it accepts the rest.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	// Python: s.listen(5). Go has no backlog argument: it asks for the
	// largest queue the system allows (somaxconn on Linux).
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	first, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer first.Close()
	// No Accept until the first client says the others are there.
	line, err := bufio.NewReader(first).ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("first client says: %s", line)

	for i := 2; i <= 4; i++ {
		conn, err := ln.Accept() // returns at once: the queue holds it
		if err != nil {
			log.Fatal(err)
		}
		msg, err := bufio.NewReader(conn).ReadString('\n')
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("accepted connection %d; it had sent %q\n", i, msg)
		conn.Close()
	}
}
