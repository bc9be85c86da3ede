package main

import "net"

func main() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	conn.Write([]byte("x"))
}
