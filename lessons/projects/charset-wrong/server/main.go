// The charset server: send "你好" twice, one line each. The first line
// is UTF-8, what programs on Linux and macOS write. The second is GBK,
// what a program on a Chinese Windows console writes, and what the
// Python tutorials decode with .decode('gbk').
package main

import (
	"flag"
	"fmt"
	"log"
	"net"

	"golang.org/x/text/encoding/simplifiedchinese"
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

	text := "你好" // Go source is UTF-8, so this string is too
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s in UTF-8: % x\n", text, text)
	fmt.Printf("%s in GBK:   % x\n", text, gbk)
	msg := text + "\n" + gbk + "\n"
	if _, err := conn.Write([]byte(msg)); err != nil {
		log.Fatal(err)
	}
}
