// A correct hello-once server that also writes a file into its working
// folder, as a learner's debugging code might: grade must run it in a
// folder of its own, so that the file lands in neither the workspace nor
// the folder grade was started in.
package main

import (
	"flag"
	"log"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	if err := os.WriteFile("stray.txt", []byte("debug output\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	conn, err := ln.Accept()
	ln.Close()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := conn.Write(append([]byte("hello, "), buf[:n]...)); err != nil {
		log.Fatal(err)
	}
}
