// The shutdown server: a goroutine per connection, and a clean stop.
// On "shutdown" from a client (or Ctrl-C) it closes the listener, so
// Accept fails with net.ErrClosed, then waits for the connections
// still open to finish before it exits.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// Ctrl-C or SIGTERM: close the listener too.
	ctx, stop := signal.NotifyContext(context.Background(),
		os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); ln.Close() }()

	var wg sync.WaitGroup // counts the connections still open
	for id := 1; ; id++ {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			break // the listener is closed: no new clients
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("accepted connection %d\n", id)
		wg.Add(1)
		go handle(conn, id, ln, &wg)
	}
	wg.Wait()
	fmt.Println("all connections finished")
}

// handle echoes lines in capitals until the client hangs up, or until
// it asks for a shutdown; then it tells wg it is done.
func handle(conn net.Conn, id int, ln net.Listener,
	wg *sync.WaitGroup) {
	defer wg.Done()
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	for lines.Scan() {
		if lines.Text() == "shutdown" {
			ln.Close() // Accept in main returns net.ErrClosed
			fmt.Printf("connection %d: shutdown; listener closed\n", id)
			fmt.Fprintf(conn, "listener closed\n")
			return
		}
		fmt.Printf("connection %d: %q\n", id, lines.Text())
		fmt.Fprintf(conn, "%s\n", strings.ToUpper(lines.Text()))
	}
	fmt.Printf("connection %d: client hung up\n", id)
}
