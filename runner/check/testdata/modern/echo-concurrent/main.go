// Modern Go used here: sync.WaitGroup.Go (Go 1.25) to start a goroutine
// per client and wait for them all at shutdown, and the builtin max
// (Go 1.21) to keep the largest number of clients seen at once.
//
// echo-concurrent: the echo-upper protocol for many clients at the same
// time. Every byte a client sends comes back with ASCII letters
// uppercased, until it closes; each client has its own goroutine, so a
// slow or silent client never holds up the others. Ctrl-C stops accepting,
// closes the connections still open and waits for their goroutines.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"sync"
)

// clients keeps the connections being served, and how many there were at
// most at one time.
type clients struct {
	mu   sync.Mutex
	open map[net.Conn]struct{}
	peak int
}

// add records a new connection and returns how many are open with it.
func (c *clients) add(conn net.Conn) (now, peak int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.open[conn] = struct{}{}
	c.peak = max(c.peak, len(c.open))
	return len(c.open), c.peak
}

// remove forgets a connection that is done.
func (c *clients) remove(conn net.Conn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.open, conn)
}

// closeAll closes every connection still open, which ends their reads.
func (c *clients) closeAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for conn := range c.open {
		conn.Close()
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *addr); err != nil {
		log.Fatal(err)
	}
}

// run serves clients at addr until ctx ends, then waits for every client's
// goroutine to finish.
func run(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())
	// Closing the listener is what makes a blocked Accept return.
	context.AfterFunc(ctx, func() { ln.Close() })

	cs := &clients{open: make(map[net.Conn]struct{})}
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cs.closeAll()
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				fmt.Println("shutting down")
				return nil
			}
			return fmt.Errorf("accept: %w", err)
		}
		now, peak := cs.add(conn)
		fmt.Printf("client %s connected: %d now, %d at most\n", conn.RemoteAddr(), now, peak)
		wg.Go(func() {
			defer cs.remove(conn)
			if err := serve(conn); err != nil {
				log.Printf("client %s: %v", conn.RemoteAddr(), err)
			}
		})
	}
}

// serve echoes one client's bytes, uppercased, until it closes its side;
// then it closes the connection too. Its buffer is its own: goroutines
// running serve at the same time share nothing.
func serve(conn net.Conn) error {
	defer conn.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			upper(buf[:n])
			if _, err := conn.Write(buf[:n]); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read: %w", err)
		}
	}
}

// upper uppercases the ASCII letters a-z in b, in place, and leaves every
// other byte alone (bytes.ToUpper would change 'é' and invalid UTF-8 too).
func upper(b []byte) {
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
}
