// The many-clients server: a goroutine per connection, each echoing
// lines back in capitals until its client hangs up. It serves -n
// clients, then reports the total (a real server loops for ever).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"strings"
	"sync"
	"sync/atomic"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	n := flag.Int("n", 100, "clients to serve before exiting")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	var wg sync.WaitGroup
	var lines atomic.Int64 // shared by all goroutines: use atomics
	for i := 0; i < *n; i++ {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines.Add(echoUpper(conn))
		}()
	}
	wg.Wait()
	// Printed once, at the end: the order goroutines ran in is not
	// something to print, it changes from run to run.
	fmt.Printf("served %d clients, %d lines\n", *n, lines.Load())
}

// echoUpper echoes each line in capitals until the client hangs up and
// returns how many lines it echoed.
func echoUpper(conn net.Conn) int64 {
	defer conn.Close()
	var count int64
	lines := bufio.NewScanner(conn)
	for lines.Scan() {
		fmt.Fprintf(conn, "%s\n", strings.ToUpper(lines.Text()))
		count++
	}
	return count
}
