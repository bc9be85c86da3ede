// The shutdown client: the first connection stays open through the
// whole shutdown; the second asks for it; a third finds the door
// closed; then the first finishes its work and hangs up.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	first := dial(*addr)
	say(first, "first", "job one")

	second := dial(*addr)
	say(second, "second", "shutdown")
	second.Close()

	// The listener is gone: the system itself refuses new connections.
	_, err := net.Dial("tcp", *addr)
	if isRefused(err) {
		fmt.Println("third: connection refused")
	} else {
		log.Fatalf("third: wanted connection refused, got %v", err)
	}

	say(first, "first", "job two") // still served after the shutdown
	first.Close()
}

// isRefused reports whether err is a refused connection, on Unix and on
// Windows (WSAECONNREFUSED, 10061).
func isRefused(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) &&
		(errno == syscall.ECONNREFUSED || errno == 10061)
}

func dial(addr string) net.Conn {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	return conn
}

// say sends one line on conn and prints the line that comes back. (A
// new bufio.Reader per call is safe here: one reply line per request.)
func say(conn net.Conn, who, msg string) {
	fmt.Fprintf(conn, "%s\n", msg)
	reply, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: sent %q, got %s", who, msg, reply)
}
