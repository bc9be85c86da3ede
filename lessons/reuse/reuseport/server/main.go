//go:build linux

// SO_REUSEPORT: two listeners on one address at the same time. Both
// must set the option; the kernel then spreads new connections
// between them. A plain listener cannot join them. Linux only:
// Windows has no SO_REUSEPORT.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"syscall"
)

// soReusePort is SO_REUSEPORT on Linux, except on MIPS (0x200).
// Package syscall lacks the name on 386, amd64 and arm;
// golang.org/x/sys/unix has it everywhere.
const soReusePort = 15

var reusePort = net.ListenConfig{
	Control: func(network, address string, c syscall.RawConn) error {
		var err error
		c.Control(func(fd uintptr) {
			err = syscall.SetsockoptInt(int(fd),
				syscall.SOL_SOCKET, soReusePort, 1)
		})
		return err
	},
}

type accepted struct {
	listener int
	conn     net.Conn
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	conns := make(chan accepted)
	for i := 1; i <= 2; i++ {
		ln, err := reusePort.Listen(context.Background(), "tcp", *addr)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("listener %d with SO_REUSEPORT: ok\n", i)
		// A goroutine: the concurrency chapter explains them.
		go func() { // each listener has its own accept loop
			for {
				conn, err := ln.Accept()
				if err != nil {
					log.Fatal(err)
				}
				conns <- accepted{i, conn}
			}
		}()
	}
	// Go's default sets SO_REUSEADDR, not SO_REUSEPORT.
	_, err := net.Listen("tcp", *addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		fmt.Println("plain net.Listen: address already in use")
	}

	// Count which listener got each of the client's 20 connections.
	count := map[int]int{}
	for n := 1; n <= 20; n++ {
		a := <-conns
		count[a.listener]++
		if n == 20 {
			fmt.Println("served 20:", count[1]+count[2],
				"by listener 1 or 2; each got some:",
				count[1] > 0 && count[2] > 0)
		}
		fmt.Fprintln(a.conn, "hello")
		a.conn.Close()
	}
}
