package main

import (
	"flag"
	"fmt"
	"iter"
	"net"
)

// words is a range-over-func iterator: valid Go since 1.23, which the
// interpreter cannot run.
func words() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, w := range []string{"a", "b"} {
			if !yield(w) {
				return
			}
		}
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	for w := range words() {
		fmt.Println(w)
	}
}
