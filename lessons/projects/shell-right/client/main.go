// The remote command client, argv version: split the line from
// standard input into words (the client's own business, like a shell
// would), send them as a JSON list, print what comes back.
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
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil {
		log.Fatal("no command on standard input")
	}
	argv := strings.Fields(line)
	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	fmt.Printf("sending argv %q\n", argv)
	req := map[string][]string{"argv": argv}
	if err := json.NewEncoder(conn).Encode(req); err != nil {
		log.Fatal(err)
	}
	out, err := io.ReadAll(conn) // until the server closes
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("output: %s", out)
}
