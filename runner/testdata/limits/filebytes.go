// A server that writes to a file without end.
package main

import (
	"bytes"
	"flag"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	file := flag.String("file", "out.bin", "the file to fill")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	f, err := os.Create(*file)
	if err != nil {
		panic(err)
	}
	chunk := bytes.Repeat([]byte{'x'}, 1<<20)
	for {
		if _, err := f.Write(chunk); err != nil {
			panic(err)
		}
	}
}
