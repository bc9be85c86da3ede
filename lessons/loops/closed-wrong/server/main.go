// WRONG on purpose: this server ignores Read's error, so it never
// notices that the client has gone. After the client closes, every Read
// returns at once with 0 bytes and io.EOF, and the loop spins for ever.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}

	buf := make([]byte, 1024)
	empty := 0
	for {
		n, _ := conn.Read(buf) // the mistake: the error is thrown away
		fmt.Printf("got %q\n", buf[:n])
		conn.Write(bytes.ToUpper(buf[:n]))

		// Not part of the mistake: a guard so the lesson stops itself.
		if n == 0 {
			empty++
		}
		if empty == 3 {
			fmt.Println("...this would spin for ever; stopping")
			os.Exit(1)
		}
	}
}
