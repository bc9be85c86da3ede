// A server that starts programs and never waits for them.
package main

import (
	"flag"
	"net"
	"os/exec"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	for {
		exec.Command("sleep", "29.75").Start()
		time.Sleep(5 * time.Millisecond)
	}
}
