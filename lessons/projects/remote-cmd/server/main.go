// The remote command server, done safely. Requests and replies are
// JSON behind a 4-byte length; a request is an argv list; only the
// programs named by -allow run, never through a shell, for at most
// -limit (5 s), and each output stream is capped at 1 MiB. The lesson
// allows echo and yes, programs of Unix systems; on Windows, allow
// programs that exist there.
package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os/exec"
	"slices"
	"strings"
	"time"
)

const maxOutput = 1 << 20 // bytes kept per output stream

// request is one command: the program and its arguments, already split.
type request struct {
	Argv []string `json:"argv"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	allow := flag.String("allow", "echo,date,uname", "allowed programs")
	limit := flag.Duration("limit", 5*time.Second, "time per command")
	flag.Parse()
	allowed := strings.Split(*allow, ",")

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	conn, err := ln.Accept() // one client, as many requests as it likes
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	for {
		var req request
		if err := readFrame(conn, &req); err != nil {
			fmt.Println("client done:", err)
			return
		}
		fmt.Printf("request %q\n", req.Argv)
		reply := run(req.Argv, allowed, *limit)
		if err := writeFrame(conn, reply); err != nil {
			log.Fatal(err)
		}
	}
}

// run runs argv if it is allowed and returns the reply to send.
func run(argv, allowed []string, limit time.Duration) map[string]any {
	if len(argv) == 0 {
		return map[string]any{"error": "empty argv"}
	}
	if !slices.Contains(allowed, argv[0]) {
		return map[string]any{"error": argv[0] + " is not allowed"}
	}
	// When ctx runs out, the program is killed.
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	// argv[0] is found in PATH and gets argv[1:] as they are: no shell.
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var stdout, stderr capped
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); cmd.ProcessState == nil { // it never started
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"exit": cmd.ProcessState.ExitCode(),
		"stdout": stdout.buf.String(), "stderr": stderr.buf.String()}
}

// capped keeps the first maxOutput bytes written to it, drops the rest.
type capped struct{ buf bytes.Buffer }

func (c *capped) Write(p []byte) (int, error) {
	keep := maxOutput - c.buf.Len()
	if keep > len(p) {
		keep = len(p)
	}
	c.buf.Write(p[:keep])
	return len(p), nil // claim it all, or the program gets an error
}

// readFrame reads a 4-byte big-endian length, then that much JSON.
func readFrame(r io.Reader, v any) error {
	var n uint32
	if err := binary.Read(r, binary.BigEndian, &n); err != nil {
		return err
	}
	if n > 64<<10 { // a request has no reason to be bigger
		return fmt.Errorf("request of %d bytes is too big", n)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return err
	}
	return json.Unmarshal(buf, v)
}

// writeFrame sends v as JSON behind its 4-byte big-endian length.
func writeFrame(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(b)))
	_, err = w.Write(append(frame, b...)) // one write: length + JSON
	return err
}
