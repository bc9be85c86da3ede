// Valid style: one connection at a time (the protocol does not ask for
// more; the reference starts a goroutine per connection). Frames are read
// and written by a small framer type over a bufio.Reader and a
// bufio.Writer, with binary.Read and binary.Write for the length. A
// command's output is read from cmd.StdoutPipe and cmd.StderrPipe through
// io.LimitReader, the rest drained to io.Discard, instead of a capping
// io.Writer; replies are json.Marshal'd maps.
package main

import (
	"bufio"
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
	maxRequest = 1 << 20
	maxOutput  = 1 << 20
	timeLimit  = 5 * time.Second
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	allowFlag := flag.String("allow", "echo,date,uname", "programs clients may run, comma-separated")
	flag.Parse()
	allowed := strings.FieldsFunc(*allowFlag, func(r rune) bool { return r == ',' || r == ' ' })

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr(), "allowing", allowed)

	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		if err := serve(conn, allowed); err != nil {
			log.Printf("%s: %v", conn.RemoteAddr(), err)
		}
		conn.Close()
	}
}

// framer reads and writes length-prefixed frames.
type framer struct {
	r *bufio.Reader
	w *bufio.Writer
}

// next returns the next frame, or io.EOF at a clean end between frames.
func (f framer) next() ([]byte, error) {
	var n uint32
	if err := binary.Read(f.r, binary.BigEndian, &n); err != nil {
		return nil, err
	}
	if n > maxRequest {
		return nil, fmt.Errorf("request of %d bytes is over %d", n, maxRequest)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(f.r, body); err != nil {
		return nil, fmt.Errorf("request body: %w", err)
	}
	return body, nil
}

// send writes v as a JSON frame.
func (f framer) send(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	binary.Write(f.w, binary.BigEndian, uint32(len(body)))
	f.w.Write(body)
	return f.w.Flush()
}

// serve answers one connection's requests in order until it ends.
func serve(conn net.Conn, allowed []string) error {
	f := framer{r: bufio.NewReader(conn), w: bufio.NewWriter(conn)}
	for {
		conn.SetReadDeadline(time.Now().Add(time.Minute))
		body, err := f.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := f.send(handle(body, allowed)); err != nil {
			return err
		}
	}
}

// handle turns one request into its reply.
func handle(body []byte, allowed []string) map[string]any {
	var req struct {
		Argv []string `json:"argv"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return map[string]any{"error": "bad request: " + err.Error()}
	}
	if len(req.Argv) == 0 {
		return map[string]any{"error": "bad request: empty argv"}
	}
	name := req.Argv[0]
	ok := false
	for _, a := range allowed {
		ok = ok || a == name
	}
	if !ok || strings.ContainsAny(name, `/\`) {
		return map[string]any{"error": fmt.Sprintf("%q is not allowed", name)}
	}
	return run(req.Argv)
}

// run runs argv without a shell and reports how it ended.
func run(argv []string) map[string]any {
	ctx, cancel := context.WithTimeout(context.Background(), timeLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.WaitDelay = time.Second
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	if err := cmd.Start(); err != nil {
		return map[string]any{"error": err.Error()}
	}
	outc := make(chan []byte, 1)
	errc := make(chan []byte, 1)
	go func() { outc <- capped(stdout) }()
	go func() { errc <- capped(stderr) }()
	// Both pipes are read to their end before Wait, which closes them.
	out, errOut := <-outc, <-errc
	err = cmd.Wait()
	if ctx.Err() != nil {
		return map[string]any{"error": fmt.Sprintf("%s: stopped after %v", argv[0], timeLimit)}
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"exit": code, "stdout": string(out), "stderr": string(errOut)}
}

// capped returns the first maxOutput bytes of r and reads the rest away,
// so the command never blocks on a full pipe.
func capped(r io.Reader) []byte {
	b, _ := io.ReadAll(io.LimitReader(r, maxOutput))
	io.Copy(io.Discard, r)
	return b
}
