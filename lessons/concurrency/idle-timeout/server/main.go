// The idle-timeout server: a client that stays silent for 200 ms is
// dropped. Python sets conn.settimeout(0.2) once; Go sets a deadline,
// a point in time, before every read.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strings"
	"time"
)

const idle = 200 * time.Millisecond

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	lines := bufio.NewReader(conn)
	for {
		// Each message earns the client another 200 ms.
		conn.SetReadDeadline(time.Now().Add(idle))
		line, err := lines.ReadString('\n')
		switch {
		case errors.Is(err, os.ErrDeadlineExceeded): // socket.timeout
			fmt.Println("idle client timed out; hanging up")
			return
		case err == io.EOF:
			fmt.Println("client hung up")
			return
		case err != nil:
			log.Fatal(err)
		}
		fmt.Printf("got %q\n", strings.TrimSuffix(line, "\n"))
		fmt.Fprintf(conn, "%s", strings.ToUpper(line))
	}
}
