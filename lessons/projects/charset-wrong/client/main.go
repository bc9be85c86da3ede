// WRONG: each line decoded in the other line's charset. The UTF-8 line
// is read as GBK, like the tutorials' .decode('gbk') of output from
// Linux; the GBK line is read as UTF-8, like Go's string(b).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"

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

	lines.Scan() // the UTF-8 line
	text, err := simplifiedchinese.GBK.NewDecoder().Bytes(lines.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("UTF-8 read as GBK: %s\n", text)

	lines.Scan() // the GBK line
	// []rune turns each byte that is not UTF-8 into U+FFFD.
	fmt.Printf("GBK read as UTF-8: %s\n", string([]rune(lines.Text())))
}
