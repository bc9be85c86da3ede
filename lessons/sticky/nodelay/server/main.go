//go:build unix

// The nodelay server: Go switches Nagle's algorithm off on every TCP
// connection, the ones it accepts too. The server reads the socket
// option TCP_NODELAY to show it, then reads what the client sends.
// Unix only (the option is read through syscall); on Windows, too, Go
// turns Nagle off on every connection.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"syscall"
)

// nodelay reads the option TCP_NODELAY of a connection's socket:
// 1 means Nagle's algorithm is off, 0 that it is on.
func nodelay(conn *net.TCPConn) int {
	raw, err := conn.SyscallConn()
	if err != nil {
		log.Fatal(err)
	}
	var v int
	var opterr error
	err = raw.Control(func(fd uintptr) {
		v, opterr = syscall.GetsockoptInt(int(fd),
			syscall.IPPROTO_TCP, syscall.TCP_NODELAY)
	})
	if err != nil || opterr != nil {
		log.Fatal(err, opterr)
	}
	return v
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	tcp := conn.(*net.TCPConn)
	fmt.Printf("accepted: TCP_NODELAY = %d\n", nodelay(tcp))

	msg, err := io.ReadAll(conn) // until the client's CloseWrite
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("received %q\n", msg)
}
