// The UDP time client: send each line of standard input as a layout
// and check the reply. The time itself is not printed (it changes on
// every run); only whether the reply reads back with its layout.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	// A "connected" UDP socket: Write sends to addr, Read only
	// accepts datagrams from addr.
	conn, err := net.Dial("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	layouts := bufio.NewScanner(os.Stdin)
	for layouts.Scan() {
		layout := layouts.Text()
		reply, err := ask(conn, layout)
		if err != nil {
			log.Fatal(err)
		}
		if layout == "" {
			layout = "2006-01-02 15:04:05"
		}
		if _, err := time.Parse(layout, reply); err != nil {
			fmt.Printf("%q: reply does not parse: %v\n", layout, err)
			continue
		}
		fmt.Printf("%q: %d-byte reply, parses with the layout\n",
			layout, len(reply))
	}
}

// ask sends the layout and waits 1 s for the answer; a datagram can be
// lost, so it tries three times before giving up.
func ask(conn net.Conn, layout string) (string, error) {
	buf := make([]byte, 512)
	for try := 1; try <= 3; try++ {
		if _, err := conn.Write([]byte(layout)); err != nil {
			return "", err
		}
		conn.SetReadDeadline(time.Now().Add(time.Second))
		n, err := conn.Read(buf)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			continue // lost, or the server is slow: ask again
		}
		return string(buf[:n]), err
	}
	return "", errors.New("no answer after 3 tries")
}
