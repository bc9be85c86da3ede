// The families client: connects over IPv4, learns the server's IPv6
// and Unix addresses, and connects to each. The same net.Dial and the
// same net.Conn serve all three; only the network name changes.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"path/filepath"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	c, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("IPv4: from %s to %s\n", c.LocalAddr(), c.RemoteAddr())
	// Two lines: the IPv6 address, the socket's path.
	lines := strings.Split(strings.TrimSpace(readAll(c)), "\n")
	if len(lines) != 2 {
		log.Fatalf("want two addresses, got %q", lines)
	}

	// An IPv6 address is written in brackets: [::1]:port.
	c, err = net.Dial("tcp6", lines[0])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("IPv6: from %s to %s\n", c.LocalAddr(), c.RemoteAddr())
	fmt.Print("  server says: ", readAll(c))

	// A Unix socket's address is a file path.
	c, err = net.Dial("unix", lines[1])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Unix: connected to",
		filepath.Base(c.RemoteAddr().String()))
	fmt.Print("  server says: ", readAll(c))
}

// readAll reads what the server sends until it closes, then closes c.
func readAll(c net.Conn) string {
	defer c.Close()
	b, err := io.ReadAll(c)
	if err != nil {
		log.Fatal(err)
	}
	return string(b)
}
