//go:build unix

// The nodelay client: a new connection has TCP_NODELAY set, Nagle's
// algorithm off, unlike a C or Python socket. SetNoDelay(false)
// switches Nagle back on. Neither setting keeps message boundaries.
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
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	tcp := conn.(*net.TCPConn)
	fmt.Printf("dialed: TCP_NODELAY = %d\n", nodelay(tcp))

	// Python: s.setsockopt(IPPROTO_TCP, TCP_NODELAY, 0).
	if err := tcp.SetNoDelay(false); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("after SetNoDelay(false): TCP_NODELAY = %d\n",
		nodelay(tcp))

	// With Nagle on, small writes may be held back and sent
	// together; the server must not care either way.
	for _, part := range []string{"he", "llo"} {
		if _, err := tcp.Write([]byte(part)); err != nil {
			log.Fatal(err)
		}
	}
	if err := tcp.CloseWrite(); err != nil {
		log.Fatal(err)
	}
	io.ReadAll(conn) // wait until the server closes
	fmt.Println("server closed the connection")
}
