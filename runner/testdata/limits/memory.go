// A server whose memory runs away: it keeps 64 MiB slices for ever.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	var keep [][]byte
	for i := 1; ; i++ {
		keep = append(keep, bytes.Repeat([]byte{'x'}, 64<<20))
		fmt.Println("holding", i*64, "MiB")
	}
}
