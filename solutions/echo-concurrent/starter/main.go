// Exercise echo-concurrent (chapter concurrency): an uppercase echo for
// many clients at once.
//
// Write a TCP server that speaks the echo-upper protocol (listen on the
// address of -addr, serve for ever, write back every byte ASCII-
// uppercased until the client closes, survive a client that resets or
// sends nothing) to at least 100 clients connected at the same time: no
// client may wait for another one to leave.
//
// This starter is the echo-upper server, which serves one client at a
// time. While it talks to one client, the others wait: see the TODO.
//
// Check it:  sockbook check echo-concurrent
// Stuck?     sockbook hint echo-concurrent gives one more hint each time.
package main

import (
	"errors"
	"flag"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		// TODO: serve each client in its own goroutine, so that the next
		// Accept does not wait until this client is done.
		if err := serve(conn); err != nil {
			log.Print(err)
		}
	}
}

func serve(conn net.Conn) error {
	defer conn.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := conn.Read(buf)
		if n > 0 {
			for i, c := range buf[:n] {
				if 'a' <= c && c <= 'z' {
					buf[i] = c - 'a' + 'A'
				}
			}
			if _, err := conn.Write(buf[:n]); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
