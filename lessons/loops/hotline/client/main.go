// The hotline caller: print the menu, send each choice from standard
// input, print each answer, stop after "0".
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	flag.Parse()

	conn, err := net.Dial("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	server := bufio.NewReader(conn)

	printMessage(server) // the menu
	input := bufio.NewScanner(os.Stdin)
	for input.Scan() {
		choice := input.Text()
		fmt.Println("> " + choice)
		fmt.Fprintf(conn, "%s\n", choice)
		printMessage(server)
		if choice == "0" {
			return
		}
	}
}

// printMessage prints the server's lines up to the empty line that
// ends a message.
func printMessage(server *bufio.Reader) {
	for {
		line, err := server.ReadString('\n')
		if err != nil {
			log.Fatal("the server hung up: ", err)
		}
		if line == "\n" {
			return
		}
		fmt.Print(line)
	}
}
