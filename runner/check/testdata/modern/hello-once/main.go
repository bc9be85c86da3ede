// Modern Go used here: the builtin min (Go 1.21), to log at most a short
// preview of the message however long it is.
//
// hello-once: accept one connection, read one message of at most 1024
// bytes, reply "hello, <message>", close the connection and exit 0.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
)

const (
	maxMessage = 1024 // one Read into a buffer this size, like recv(1024)
	preview    = 40   // how much of the message the log shows
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := ln.Accept()
	// One client only: a second one is refused rather than left waiting.
	ln.Close()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	if err := greet(conn); err != nil {
		log.Fatal(err)
	}
	fmt.Println("replied; closing")
}

// greet reads one message from conn and replies "hello, " and the message.
func greet(conn net.Conn) error {
	buf := make([]byte, maxMessage)
	n, err := conn.Read(buf)
	if err != nil {
		return fmt.Errorf("read the message: %w", err)
	}
	msg := buf[:n]
	fmt.Printf("received %d bytes: %q\n", n, msg[:min(n, preview)])
	reply := append([]byte("hello, "), msg...)
	if _, err := conn.Write(reply); err != nil {
		return fmt.Errorf("reply: %w", err)
	}
	return nil
}
