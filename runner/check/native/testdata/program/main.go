// A program for the harness's own tests: with -listen it listens on -addr
// (tcp or udp) until it is killed; otherwise it prints its arguments and
// exits with the status -exit.
package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	listen := flag.String("listen", "", "tcp or udp: listen on -addr until killed")
	exit := flag.Int("exit", 0, "the exit status, without -listen")
	flag.Parse()
	switch *listen {
	case "tcp":
		if _, err := net.Listen("tcp", *addr); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	case "udp":
		if _, err := net.ListenPacket("udp", *addr); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	default:
		fmt.Println("args:", flag.Args())
		fmt.Fprintln(os.Stderr, "to stderr")
		os.Exit(*exit)
	}
	time.Sleep(time.Hour)
}
