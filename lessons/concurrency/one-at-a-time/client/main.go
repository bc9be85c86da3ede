// The two-clients client: the first connection says nothing; the second
// asks a question and gives the server 500 ms to answer (Python's
// settimeout(0.5)). Only then does the first connection hang up.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	flag.Parse()

	first, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first: connected, says nothing")
	second, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer second.Close()
	fmt.Fprintf(second, "are you there?\n")
	fmt.Println("second: asked \"are you there?\"")

	// A deadline is a point in time: reads after it fail at once.
	second.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
	answers := bufio.NewReader(second)
	answer, err := answers.ReadString('\n')
	switch {
	case err == nil:
		fmt.Print("second: got ", answer)
		fmt.Println("second answered while first still connected")
		first.Close()
	case errors.Is(err, os.ErrDeadlineExceeded):
		fmt.Println("second: no answer within 500ms")
		first.Close() // frees the server to move on
		fmt.Println("first: hung up")
		// The connection is still good: move the deadline, read again.
		second.SetReadDeadline(time.Now().Add(5 * time.Second))
		if answer, err = answers.ReadString('\n'); err != nil {
			log.Fatal(err)
		}
		fmt.Print("second: got ", answer)
		fmt.Println("second answered after first finished")
	default:
		log.Fatal(err)
	}
}
