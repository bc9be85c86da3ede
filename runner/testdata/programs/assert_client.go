package main

import (
	"flag"
	"fmt"
	"net"
)

// Type-asserts the connection to *net.TCPConn, as learners do for
// CloseWrite and SetNoDelay: the runner's wrapper must still satisfy it.
func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address")
	flag.Parse()
	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		panic(err)
	}
	tcp := conn.(*net.TCPConn)
	tcp.SetNoDelay(true)
	tcp.Write([]byte("half"))
	tcp.CloseWrite()
	fmt.Println("closed my write half")
	buf := make([]byte, 16)
	n, _ := tcp.Read(buf)
	fmt.Printf("got %q\n", buf[:n])
	tcp.Close()
}
