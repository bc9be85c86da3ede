// RIGHT: the charset client that decodes what it reads as UTF-8, the
// charset the protocol agreed on, and checks it: bytes that are not
// valid UTF-8 are reported, not turned into a guess.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"unicode/utf8"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	for lines.Scan() {
		line := lines.Bytes() // the bytes that came, without the \n
		if !utf8.Valid(line) {
			fmt.Printf("%d bytes, not UTF-8: % x (ask the sender)\n",
				len(line), line)
			continue
		}
		text := string(line) // a Go string holds UTF-8 as it is
		fmt.Printf("%d bytes, %d characters: %s\n",
			len(line), utf8.RuneCount(line), text)
	}
	if err := lines.Err(); err != nil {
		log.Fatal(err)
	}
}
