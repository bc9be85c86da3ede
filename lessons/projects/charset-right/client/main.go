// RIGHT: each line decoded in the charset it was sent in. The protocol
// says which: the first line is UTF-8, the second GBK.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
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

	lines.Scan() // the UTF-8 line: a Go string holds it as it is
	if !utf8.Valid(lines.Bytes()) {
		log.Fatalf("not UTF-8: % x", lines.Bytes())
	}
	fmt.Printf("UTF-8 read as UTF-8: %s\n", lines.Text())

	lines.Scan() // the GBK line: decoded into UTF-8
	text, err := simplifiedchinese.GBK.NewDecoder().Bytes(lines.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("GBK read as GBK: %s\n", text)
}
