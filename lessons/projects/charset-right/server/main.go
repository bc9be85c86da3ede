// The charset server: send two lines of text. The first is UTF-8, the
// charset of Go strings and of most protocols. The second is the same
// two Chinese characters in GBK, the charset a Chinese Windows console
// uses (what Python's classic remote shell decoded with 'gbk').
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"unicode/utf8"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// Go source is UTF-8, so this string holds UTF-8 bytes too.
	text := "naïve café 你好"
	gbk := []byte{0xC4, 0xE3, 0xBA, 0xC3} // "你好" in GBK
	fmt.Printf("sending %q: %d characters in %d bytes of UTF-8\n",
		text, utf8.RuneCountInString(text), len(text))
	fmt.Printf("sending %q in %d bytes of GBK\n", "你好", len(gbk))

	msg := append([]byte(text+"\n"), gbk...)
	if _, err := conn.Write(append(msg, '\n')); err != nil {
		log.Fatal(err)
	}
}
