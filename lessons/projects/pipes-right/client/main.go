// The pipes client: asks the server to run ls on / and on 3000 names
// that do not exist. ls writes one line for "/" to its standard output,
// and 3000 error lines, about 170 KiB, to its standard error.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	argv := []string{"ls", "-d", "/"}
	for i := 1; i <= 3000; i++ {
		argv = append(argv, fmt.Sprintf("missing-%d", i))
	}
	if err := json.NewEncoder(conn).Encode(argv); err != nil {
		log.Fatal(err)
	}
	reply, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print("server: ", reply)
}
