// A remote-cmd server that reports a command's non-zero exit status as an
// error, as if the command had not run.
//
// Fails: exit-status.
package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os/exec"
	"strings"
	"time"
)

const (
	maxRequest = 1 << 20         // the longest request frame read
	maxOutput  = 1 << 20         // bytes kept of stdout and of stderr
	cmdLimit   = 5 * time.Second // how long a command may run
	idle       = 2 * time.Minute // how long a client may stay silent
)

// Request is what a client asks for: a program and its arguments.
type Request struct {
	Argv []string `json:"argv"`
}

// Result says how a command that ran ended.
type Result struct {
	Exit   int    `json:"exit"`
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
}

// Refusal says why a request was not run, or did not finish.
type Refusal struct {
	Error string `json:"error"`
}

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
	fmt.Println("listening on", ln.Addr(), "allowing", *allowList)

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
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name != "" {
			allow[name] = true
		}
	}
	return allow
}

// serve answers one connection's requests, one after another, until the
// client closes it or sends something that cannot be answered.
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

// answer turns one request frame into a Result or a Refusal.
func answer(frame []byte, allow map[string]bool) any {
	req, err := parseRequest(frame)
	if err != nil {
		return Refusal{Error: err.Error()}
	}
	if !allowed(req.Argv[0], allow) {
		msg := fmt.Sprintf("%q is not an allowed program", req.Argv[0])
		return Refusal{Error: msg}
	}
	res, err := run(req.Argv)
	if err != nil {
		return Refusal{Error: err.Error()}
	}
	fmt.Printf("ran %q: exit %d\n", req.Argv, res.Exit)
	return res
}

// readFrame reads one frame. A length over max is refused before anything
// is allocated; io.EOF means the client closed between frames.
func readFrame(r io.Reader, max uint32) ([]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(size[:])
	if n > max {
		return nil, fmt.Errorf(
			"request of %d bytes is over the limit of %d", n, max)
	}
	frame := make([]byte, n)
	if _, err := io.ReadFull(r, frame); err != nil {
		return nil, fmt.Errorf("read %d-byte request: %w", n, err)
	}
	return frame, nil
}

// writeFrame sends v as one frame of JSON.
func writeFrame(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	frame := make([]byte, 4, 4+len(body))
	binary.BigEndian.PutUint32(frame, uint32(len(body)))
	_, err = w.Write(append(frame, body...))
	return err
}

// parseRequest decodes a request and checks that it names a program.
func parseRequest(frame []byte) (Request, error) {
	var req Request
	if err := json.Unmarshal(frame, &req); err != nil {
		return Request{}, fmt.Errorf("bad request: %w", err)
	}
	if len(req.Argv) == 0 || req.Argv[0] == "" {
		return Request{}, errors.New(`bad request: no program in "argv"`)
	}
	return req, nil
}

// allowed reports whether name is one of the allowed programs. Only a bare
// name can be: "/usr/bin/echo" is refused even when "echo" is allowed.
func allowed(name string, allow map[string]bool) bool {
	return !strings.ContainsAny(name, `/\`) && allow[name]
}

// run runs argv without a shell, for at most cmdLimit, keeping at most
// maxOutput bytes of each output stream. An error means it did not run or
// did not finish in time.
func run(argv []string) (Result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), cmdLimit)
	defer cancel()
	// The program gets argv[1:] as its arguments exactly as sent. When ctx
	// expires, the program is killed.
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	stdout := &cappedBuffer{max: maxOutput}
	stderr := &cappedBuffer{max: maxOutput}
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	// A killed program may leave a child of its own holding the output
	// pipes open; WaitDelay stops Run from waiting for that child forever.
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return Result{}, fmt.Errorf("%s: killed after the %v limit",
			argv[0], cmdLimit)
	}
	if err != nil { // it did not run, or did not succeed
		return Result{}, fmt.Errorf("run %s: %w", argv[0], err)
	}
	return Result{
		Exit:   cmd.ProcessState.ExitCode(),
		Stdout: stdout.String(),
		Stderr: stderr.String(),
	}, nil
}

// cappedBuffer keeps the first max bytes written to it and drops the rest
// without an error, so a chatty command runs on undisturbed.
type cappedBuffer struct {
	buf bytes.Buffer
	max int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.buf.Len(); room > 0 {
		if len(p) > room {
			c.buf.Write(p[:room])
		} else {
			c.buf.Write(p)
		}
	}
	return len(p), nil
}

func (c *cappedBuffer) String() string { return c.buf.String() }
