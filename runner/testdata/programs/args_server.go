package main

import (
	"flag"
	"fmt"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	name := flag.String("name", "nobody", "a name")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	fmt.Println("name:", *name, "args:", len(os.Args)-1, "rest:", flag.Args())
	fmt.Fprintln(os.Stderr, "to stderr through os.Stderr")
	os.Stdout.WriteString("through os.Stdout.WriteString\n")
	conn, err := ln.Accept()
	if err != nil {
		panic(err)
	}
	conn.Close()
}
