// The goroutine-per-connection server: each accepted connection gets
// its own goroutine (Python's socketserver.ThreadingTCPServer), so the
// accept loop is free at once for the next client.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"strings"
	"sync"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	// Two clients make this lesson; a real server loops for ever.
	var wg sync.WaitGroup
	for id := 1; id <= 2; id++ {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("serving connection %d\n", id)
		wg.Add(1)
		go func() { // the one change: handle runs in its own goroutine
			defer wg.Done()
			handle(conn, id)
		}()
	}
	wg.Wait() // let both conversations finish before exiting
}

// handle answers one question (a line) in capitals, then hangs up.
func handle(conn net.Conn, id int) {
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	if !lines.Scan() {
		fmt.Printf("connection %d left without asking\n", id)
		return
	}
	fmt.Printf("connection %d asks %q\n", id, lines.Text())
	fmt.Fprintf(conn, "%s\n", strings.ToUpper(lines.Text()))
}
