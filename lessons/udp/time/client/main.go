// Ask the time server for the time in each layout of the input, one
// datagram per line (an empty line too). The time changes from run to
// run, so we print only its length and whether it parses.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	input := bufio.NewScanner(os.Stdin)
	buf := make([]byte, 1024)
	for input.Scan() {
		sent := input.Text()
		if _, err := conn.Write([]byte(sent)); err != nil {
			log.Fatal(err)
		}
		// A deadline (the concurrency chapter has more on them).
		conn.SetReadDeadline(time.Now().Add(time.Second))
		n, err := conn.Read(buf)
		if err != nil {
			fmt.Printf("sent %q: no reply (lost?)\n", sent)
			continue
		}
		layout := sent
		if layout == "" {
			layout = "2006-01-02 15:04:05"
		}
		if _, err := time.Parse(layout, string(buf[:n])); err != nil {
			fmt.Printf("sent %q: %d bytes, not a time\n", sent, n)
			continue
		}
		fmt.Printf("sent %q: %d bytes, a time in layout %q\n",
			sent, n, layout)
	}
}
