// WRONG: the charset client that turns each byte into one character.
// That is Latin-1, not what the server sent: every non-ASCII character
// of UTF-8 is two to four bytes, and comes out as two to four wrong
// characters (mojibake).
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
		text := ""
		for _, b := range line {
			text += string(rune(b)) // WRONG: one byte is one character
		}
		fmt.Printf("%d bytes read as %d characters: %q\n",
			len(line), utf8.RuneCountInString(text), text)
	}
	if err := lines.Err(); err != nil {
		log.Fatal(err)
	}
}
