// Flaw: trims the message with bytes.TrimSpace before greeting it, the
// habit of Python's data.strip(): spaces and line ends the client sent
// are not in the reply.
//
// Fails: raw-bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"net"
)

// maxMessage is the longest message the server reads: one Read into a
// buffer of this size, like recv(1024) in the classic course.
const maxMessage = 1024

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// Closing the listener as soon as the one client is in means that a
	// second client is refused instead of waiting for nobody.
	conn, err := ln.Accept()
	ln.Close()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	fmt.Println("client connected from", conn.RemoteAddr())

	if err := greet(conn); err != nil {
		log.Fatal(err)
	}
	fmt.Println("replied; closing")
	// Returning from main closes the connection (deferred) and exits with
	// status 0: the client reads end of stream after the reply.
}

// greet reads one message from conn and replies to it.
func greet(conn net.Conn) error {
	buf := make([]byte, maxMessage)
	n, err := conn.Read(buf)
	if err != nil {
		return fmt.Errorf("read the message: %w", err)
	}
	// buf[:n], not buf: Read filled only n bytes; the rest are zeros that
	// the client never sent.
	msg := bytes.TrimSpace(buf[:n])
	fmt.Printf("received %q\n", msg)
	if _, err := conn.Write(reply(msg)); err != nil {
		return fmt.Errorf("reply: %w", err)
	}
	return nil
}

// reply is the answer to one message.
func reply(msg []byte) []byte {
	return append([]byte("hello, "), msg...)
}
