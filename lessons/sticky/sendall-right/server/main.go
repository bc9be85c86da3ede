// The sendall server: it checks what a client says it sent against
// what arrived. The client uses two connections: on the first it
// sends its data, and it opens the second only after its Write has
// returned, to report how many bytes it sent. The server reads no data
// until that report comes, so the client's Write finds nobody reading.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"strconv"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()

	data, err := ln.Accept() // the data
	if err != nil {
		log.Fatal(err)
	}
	defer data.Close()
	report, err := ln.Accept() // the client's report
	if err != nil {
		log.Fatal(err)
	}
	defer report.Close()

	line, err := bufio.NewReader(report).ReadString('\n')
	if err != nil {
		log.Fatal(err)
	}
	claimed, err := strconv.ParseInt(strings.TrimSpace(line), 10, 64)
	if err != nil {
		log.Fatal(err)
	}

	// Now read the data, until the client's close.
	var got int64
	buf := make([]byte, 1<<20)
	for {
		n, err := data.Read(buf)
		got += int64(n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("bytes the client reports == bytes that arrived: %t\n",
		claimed == got)
	if claimed > got {
		fmt.Println("the client believes it sent bytes that never came")
	}
}
