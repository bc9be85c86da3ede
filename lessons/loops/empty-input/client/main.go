// What happens when the user just presses Enter. Writing zero bytes
// sends nothing, so waiting for an answer would block for ever (the
// classic Python bug: send(b"") then recv). Here a deadline shows it,
// and after that the client does the right thing: skip empty lines.
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
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	input := bufio.NewScanner(os.Stdin)
	buf := make([]byte, 1024)
	shown := false
	for input.Scan() {
		msg := input.Bytes()
		if len(msg) == 0 && shown {
			fmt.Println("empty line: skipped")
			continue // the fix
		}
		n, err := conn.Write(msg)
		if err != nil {
			log.Fatal(err)
		}
		wrote := fmt.Sprintf("Write(%q) = %d", msg, n)
		if len(msg) == 0 { // the bug, shown once, with a time limit
			shown = true
			// A deadline (the concurrency chapter has more on them).
			conn.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		}
		n, err = conn.Read(buf)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			fmt.Println(wrote + "; no answer in 0.5 s")
			conn.SetReadDeadline(time.Time{}) // no limit again
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s; answer %q\n", wrote, buf[:n])
	}
}
