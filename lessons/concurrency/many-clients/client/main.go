// The many-clients client: -n clients connect at the same time, each
// sends one line and reads the answer, and no one hangs up before all
// are answered. Each has a 2 s deadline, so a server that cannot serve
// them all at once gets a count of how many it answered, not a hang.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"sync"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to connect to")
	n := flag.Int("n", 100, "clients to run at once")
	flag.Parse()

	// One slot per client: each goroutine writes only its own slot, so
	// no lock is needed, and the results come out in client order.
	answers := make([]string, *n)
	var answered, done sync.WaitGroup
	answered.Add(*n)
	done.Add(*n)
	for i := range answers {
		go func() {
			defer done.Done()
			msg := fmt.Sprintf("client %d", i+1)
			answers[i] = ask(*addr, msg, &answered)
		}()
	}
	done.Wait()

	ok := 0
	for i, a := range answers {
		if a == fmt.Sprintf("CLIENT %d", i+1) {
			ok++
		}
	}
	fmt.Printf("%d of %d clients answered\n", ok, *n)
	fmt.Printf("first: %q, last: %q\n", answers[0], answers[*n-1])
}

// ask sends msg, reads the answer, then keeps the connection open until
// every client has its answer or has given up waiting.
func ask(addr, msg string, answered *sync.WaitGroup) string {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(2 * time.Second))
	fmt.Fprintf(conn, "%s\n", msg)
	answer := bufio.NewScanner(conn)
	answer.Scan() // on a timeout Text is "", counted as no answer
	answered.Done()
	answered.Wait()
	return answer.Text()
}
