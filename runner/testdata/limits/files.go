// A server that opens files and never closes them.
package main

import (
	"flag"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	var open []*os.File
	for {
		f, err := os.Open(os.DevNull)
		if err != nil {
			continue // out of descriptors: try again, as a careless loop does
		}
		open = append(open, f)
	}
}
