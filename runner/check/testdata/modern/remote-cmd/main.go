// Modern Go used here: this program is a folder of three files (main.go,
// protocol.go, run.go). main.go splits the allowlist with strings.SplitSeq
// (Go 1.24) and prints it with slices.Sorted(maps.Keys(…)) (Go 1.23);
// protocol.go decodes requests with a generic function of its own that
// takes the check to run as a func; run.go caps output with the builtins
// min and max (Go 1.21).
//
// remote-cmd: a client sends a command line as a frame of JSON,
// {"argv":["echo","hi"]}, and gets back a frame saying how it ended,
// {"exit":0,"stdout":"hi\n","stderr":""}, or {"error":"…"} when it was
// not run. A frame is a 4-byte big-endian length and then that many
// bytes; a connection carries any number of requests, answered in order.
// Only the programs named by -allow run, never through a shell, for at
// most 5 s, and at most 1 MiB of each output stream is kept.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"maps"
	"net"
	"slices"
	"strings"
	"time"
)

// idle is how long a client may stay silent before it is dropped.
const idle = 2 * time.Minute

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	allowList := flag.String("allow", "echo,date,uname",
		"comma-separated names of the programs clients may run")
	flag.Parse()
	allow := parseAllow(*allowList)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr(), "allowing", slices.Sorted(maps.Keys(allow)))

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go serve(conn, allow)
	}
}

// parseAllow turns "echo, date" into the set {echo, date}.
func parseAllow(list string) map[string]bool {
	allow := make(map[string]bool)
	for name := range strings.SplitSeq(list, ",") {
		if name = strings.TrimSpace(name); name != "" {
			allow[name] = true
		}
	}
	return allow
}

// serve answers one connection's requests in turn until the client closes
// it or sends a frame that cannot be read.
func serve(conn net.Conn, allow map[string]bool) {
	defer conn.Close()
	for {
		conn.SetReadDeadline(time.Now().Add(idle))
		frame, err := readFrame(conn, maxRequest)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				log.Printf("%s: %v", conn.RemoteAddr(), err)
			}
			return
		}
		reply := answer(frame, allow)
		conn.SetWriteDeadline(time.Now().Add(idle))
		if err := writeFrame(conn, reply); err != nil {
			log.Printf("%s: reply: %v", conn.RemoteAddr(), err)
			return
		}
	}
}

// answer turns one request frame into a Result, or a Refusal saying why
// nothing ran or did not finish.
func answer(frame []byte, allow map[string]bool) any {
	req, err := decode(frame, Request.check)
	if err != nil {
		return Refusal{Error: err.Error()}
	}
	name := req.Argv[0]
	// A bare name only: "/usr/bin/echo" could be any program at all.
	if strings.ContainsAny(name, `/\`) || !allow[name] {
		return Refusal{Error: fmt.Sprintf("%q is not an allowed program", name)}
	}
	res, err := run(req.Argv)
	if err != nil {
		return Refusal{Error: err.Error()}
	}
	fmt.Printf("ran %q: exit %d\n", req.Argv, res.Exit)
	return res
}
