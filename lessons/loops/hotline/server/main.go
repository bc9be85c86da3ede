// A menu-driven "hotline": greet each caller with a numbered menu,
// answer each number it sends, hang up on 0. Every message from the
// server is lines of text and then an empty line, so the client knows
// where a message ends.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"strings"
)

const menu = "Welcome to the gopher hotline. Press:\n" +
	"1 opening hours\n2 prices\n3 talk to a person\n0 hang up\n"

var answers = map[string]string{
	"1": "We are open from 9:00 to 17:00, Monday to Friday.\n",
	"2": "Calls cost nothing.\n",
	"3": "Everybody is busy. Please call again later.\n",
	"0": "Goodbye!\n",
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	for caller := 1; ; caller++ { // take calls one after another
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		answer(caller, conn)
	}
}

func answer(caller int, conn net.Conn) {
	defer conn.Close()
	fmt.Fprint(conn, menu+"\n")
	lines := bufio.NewScanner(conn)
	for lines.Scan() { // one choice per line
		choice := strings.TrimSpace(lines.Text())
		fmt.Printf("caller %d pressed %q\n", caller, choice)
		reply, ok := answers[choice]
		if !ok {
			reply = "There is no option " + choice + ".\n"
		}
		fmt.Fprint(conn, reply+"\n") // the empty line ends the message
		if choice == "0" {
			return // hang up
		}
	}
	fmt.Printf("caller %d hung up without saying goodbye\n", caller)
}
