// The file-name client: upload a one-line file under each name read
// from standard input (a name in Go quotes, like "a\x00b", is unquoted
// first), and print the server's answer to each.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strconv"
)

// upload is one file: a name and its contents, as one line of JSON.
type upload struct {
	Name string `json:"name"`
	Data string `json:"data"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	send := json.NewEncoder(conn)
	replies := bufio.NewReader(conn)

	names := bufio.NewScanner(os.Stdin)
	for names.Scan() {
		name := names.Text()
		if u, err := strconv.Unquote(name); err == nil {
			name = u
		}
		err := send.Encode(upload{Name: name, Data: "hi\n"})
		if err != nil {
			log.Fatal(err)
		}
		reply, err := replies.ReadString('\n')
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%q: %s", name, reply)
	}
	// Done: close our half, and wait for the server to close its half.
	conn.(*net.TCPConn).CloseWrite()
	io.Copy(io.Discard, replies)
}
