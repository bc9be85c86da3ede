// The UDP echo client: send each line as one datagram and wait a
// little for its echo. A datagram or its reply can be lost, so the
// wait has a deadline; replies can also come late or twice.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"strings"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	// A "connected" UDP socket: Write sends to addr, Read takes only
	// datagrams from addr. Nothing is sent to set it up.
	conn, err := net.Dial("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	input := bufio.NewScanner(os.Stdin)
	buf := make([]byte, 1024)
	for input.Scan() {
		msg := input.Text()
		if _, err := conn.Write([]byte(msg)); err != nil {
			log.Fatal(err)
		}
		want := strings.ToUpper(msg)
		// A deadline (the concurrency chapter has more on them).
		conn.SetReadDeadline(time.Now().Add(time.Second))
		for { // read until our reply, or until the deadline
			n, err := conn.Read(buf)
			if errors.Is(err, os.ErrDeadlineExceeded) {
				fmt.Printf("%q: no reply (lost?)\n", msg)
				break
			}
			if err != nil {
				log.Fatal(err)
			}
			if string(buf[:n]) == want {
				fmt.Printf("%q: reply %q\n", msg, buf[:n])
				break
			}
			fmt.Printf("%q: ignoring %q, an old or duplicate reply\n",
				msg, buf[:n])
		}
	}
}
