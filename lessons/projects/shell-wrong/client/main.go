// The remote command client, shell version: send one line of standard
// input as the command, then print whatever comes back until the
// server hangs up.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil {
		log.Fatal("no command on standard input")
	}
	command := strings.TrimSuffix(line, "\n")
	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	fmt.Printf("sending %q\n", command)
	fmt.Fprintf(conn, "%s\n", command)
	out, err := io.ReadAll(conn) // until the server closes
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("output: %s", out)
}
