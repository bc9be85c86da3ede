package check

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sockbook/runner/event"
)

const (
	// clientStall is how long the checker's server waits for the client's next
	// bytes before it calls the upload stalled.
	clientStall = 2 * time.Second
	// pretendRefusal is the error the checker's server gives when it refuses a
	// correct upload: distinctive, so that its printing can be seen.
	pretendRefusal = "sockbook check: this server refuses every upload (disk full, pretended)"
)

// uploadClient checks the projects chapter's client: it uploads a file
// with the file-upload protocol to the checker's own server, which reads
// exactly what the protocol says and compares every part with the file.
func uploadClient() Exercise {
	return withProjectTimeout(Exercise{
		ID:      "upload-client",
		Chapter: "projects",
		Title:   "A file-upload client",
		Role:    ClientRole,
		Network: "tcp",
		Scenarios: []Scenario{
			{
				Name: "upload-text",
				Doc:  "A text file named with spaces arrives with a correct header (big-endian length, name, size, sha256) and body; the client prints the reply and exits 0.",
				Run: func(ctx context.Context, env *Env) error {
					return runUpload(ctx, env, newUploadedFile("notes from class.txt", []byte("line one\nline two\n")), "")
				},
			},
			{
				Name: "upload-binary",
				Doc:  "A binary file holding every byte value (NUL and 0xFF too), CR LF, and no final newline arrives byte for byte.",
				Run: func(ctx context.Context, env *Env) error {
					return runUpload(ctx, env, newUploadedFile("data.bin", binaryFileBody()), "")
				},
			},
			{
				Name: "upload-empty",
				Doc:  "An empty file is announced with size 0 and the SHA-256 of nothing; the client exits 0.",
				Run: func(ctx context.Context, env *Env) error {
					return runUpload(ctx, env, newUploadedFile("empty", nil), "")
				},
			},
			{
				Name:    "upload-large",
				Doc:     "A 4 MiB file arrives whole: exactly the size announced, byte for byte.",
				Timeout: 20 * time.Second,
				Run: func(ctx context.Context, env *Env) error {
					return runUpload(ctx, env, newUploadedFile("large.bin", randomBytes(4<<20, 4)), "")
				},
			},
			{
				Name: "server-refuses",
				Doc:  `When the server answers a correct upload with {"ok":false,"error":…}, the client prints the reply and exits 1.`,
				Run: func(ctx context.Context, env *Env) error {
					return runUpload(ctx, env, newUploadedFile("refused.txt", []byte("nobody wants me\n")), pretendRefusal)
				},
			},
		},
	})
}

// binaryFileBody is a file no text-minded client gets right.
func binaryFileBody() []byte {
	var b []byte
	for i := range 4 * 256 {
		b = append(b, byte(i))
	}
	return append(b, "\r\n\x00\xff\x00end"...)
}

// runUpload writes f into the scenario's folder, starts the checker's server,
// runs the learner's client with -addr and -file, and judges what arrived,
// the exit status and what the client printed. With refuse set, the
// server refuses the upload with that error.
func runUpload(ctx context.Context, env *Env, f uploadedFile, refuse string) error {
	if env.RunClient == nil {
		return errors.New("upload-client: the runner cannot run a client")
	}
	path := filepath.Join(env.Dir, f.name)
	if err := os.WriteFile(path, f.body, 0o644); err != nil {
		return fmt.Errorf("upload-client: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("upload-client: %w", err)
	}
	srv := &uploadServer{want: f, sum: f.sum(), refuse: refuse, log: env.Log}
	srv.start(ctx, ln)

	res, runErr := env.RunClient(ctx, []string{"-addr", ln.Addr().String(), "-file", path})
	srv.stop()

	// What crossed the wire comes first: it is why the rest went wrong.
	if srv.failure != nil {
		return srv.failure
	}
	if runErr != nil {
		if ctx.Err() != nil {
			return &Failure{
				What:     "the client did not finish",
				Expected: "the client to exit after printing the reply",
				Got:      fmt.Sprintf("still running when the scenario's time was up; it printed %s", show([]byte(res.Stdout))),
			}
		}
		return fmt.Errorf("upload-client: %w", runErr)
	}
	if srv.conns == 0 {
		return &Failure{
			What:     "the client never connected",
			Expected: "a connection to the -addr given, " + ln.Addr().String(),
			Got:      fmt.Sprintf("exit status %d, stderr %s", res.Code, show([]byte(res.Stderr))),
		}
	}
	if !srv.complete {
		return &Failure{
			What:     "the upload did not arrive",
			Expected: fmt.Sprintf("the header and %d bytes", len(f.body)),
			Got:      "nothing, or not all of it",
		}
	}
	if srv.reply == nil {
		return &Failure{
			What:     "the client closed the connection before the server's reply",
			Expected: "the client to read the reply, one line of JSON",
			Got:      "the reply could not be sent",
		}
	}
	wantCode, token := 0, srv.sum
	if refuse != "" {
		wantCode, token = 1, refuse
	}
	if res.Code != wantCode {
		return &Failure{
			What:     "the client's exit status does not follow the reply " + show(srv.reply),
			Expected: fmt.Sprintf("exit status %d", wantCode),
			Got:      fmt.Sprintf("exit status %d, stderr %s", res.Code, show([]byte(res.Stderr))),
		}
	}
	if !strings.Contains(res.Stdout+res.Stderr, token) {
		return &Failure{
			What:     "the client did not print the server's reply",
			Expected: "output holding " + show(srv.reply),
			Got:      fmt.Sprintf("stdout %s, stderr %s", show([]byte(res.Stdout)), show([]byte(res.Stderr))),
		}
	}
	return nil
}

// uploadServer is the checker's file-upload server for one scenario. It serves
// the first connection only: it reads the 4-byte length, the header and
// the body exactly as the protocol says, compares each with the file the
// client was given, and replies. Its results are read after stop.
type uploadServer struct {
	want   uploadedFile
	sum    string // want's SHA-256 in hex
	refuse string
	log    func(event.Event)

	cancel context.CancelFunc
	done   chan struct{}

	conns    int      // connections accepted
	complete bool     // the whole upload arrived, and was right
	failure  *Failure // what the client got wrong; nil when all was right
	reply    []byte   // the reply sent, without "\n"; nil when none was
}

// start listens on ln until stop or until ctx ends.
func (s *uploadServer) start(ctx context.Context, ln net.Listener) {
	ctx, s.cancel = context.WithCancel(ctx)
	s.done = make(chan struct{})
	s.emit(event.Event{Kind: event.Listen, Addr: ln.Addr().String()})
	stopListening := context.AfterFunc(ctx, func() { ln.Close() })
	go func() {
		defer close(s.done)
		defer stopListening()
		c, err := ln.Accept()
		ln.Close()
		if err != nil {
			return
		}
		s.conns++
		s.emit(event.Event{Kind: event.Accept, Conn: 1, Peer: c.RemoteAddr().String()})
		// Ending ctx unblocks any read or write in progress.
		stopConn := context.AfterFunc(ctx, func() { c.SetDeadline(time.Unix(1, 0)) })
		defer stopConn()
		s.serve(ctx, c)
		c.Close()
		s.emit(event.Event{Kind: event.Close, Conn: 1})
	}()
}

// stop ends the server and waits for it.
func (s *uploadServer) stop() {
	s.cancel()
	<-s.done
}

func (s *uploadServer) emit(e event.Event) {
	if s.log == nil {
		return
	}
	e.Time = event.Now()
	e.Side = event.Server
	s.log(e)
}

// serve judges one upload and replies.
func (s *uploadServer) serve(ctx context.Context, c net.Conn) {
	s.failure = s.receive(ctx, c)
	s.complete = s.failure == nil
	reply := map[string]any{"ok": true, "sha256": s.sum}
	switch {
	case s.failure != nil:
		reply = map[string]any{"ok": false, "error": "sockbook check: " + s.failure.Error()}
	case s.refuse != "":
		reply = map[string]any{"ok": false, "error": s.refuse}
	}
	line, _ := json.Marshal(reply)
	c.SetWriteDeadline(within(ctx, clientStall))
	n, err := c.Write(append(line, '\n'))
	s.logIO(event.Write, line, n, err)
	if err != nil || s.failure != nil {
		return
	}
	s.reply = line
	// Nothing may follow the body: listen briefly for stray bytes.
	buf := make([]byte, 1024)
	c.SetReadDeadline(within(ctx, settleWait))
	if n, _ := c.Read(buf); n > 0 {
		s.logIO(event.Read, buf, n, nil)
		s.failure = &Failure{
			What:     fmt.Sprintf("the client sent bytes after the %d-byte body", len(s.want.body)),
			Expected: "nothing after the body",
			Got:      show(buf[:n]),
		}
	}
}

// receive reads one upload and returns what the client got wrong.
func (s *uploadServer) receive(ctx context.Context, c net.Conn) *Failure {
	length, f := s.readFull(ctx, c, 4, "the 4-byte header length")
	if f != nil {
		return f
	}
	n := binary.BigEndian.Uint32(length)
	if n == 0 || n > uploadHeaderLimit {
		return badLengthFailure(length)
	}
	raw, f := s.readFull(ctx, c, int(n), fmt.Sprintf("the %d-byte header", n))
	if f != nil {
		return f
	}
	if f := s.checkHeader(raw); f != nil {
		return f
	}
	body, f := s.readFull(ctx, c, len(s.want.body), fmt.Sprintf("the %d-byte body", len(s.want.body)))
	if f != nil {
		return f
	}
	if f := compare("the body", s.want.body, body); f != nil {
		f.What = strings.Replace(f.What, "wrong reply", "wrong bytes", 1)
		return f
	}
	return nil
}

// badLengthFailure explains a header length the protocol does not allow.
func badLengthFailure(b []byte) *Failure {
	f := &Failure{
		What:     fmt.Sprintf("the header length %d (bytes % x) is not between 1 and 65536", binary.BigEndian.Uint32(b), b),
		Expected: "4 bytes: the length of the JSON header, big-endian",
		Got:      show(b),
	}
	if le := binary.LittleEndian.Uint32(b); le > 0 && le <= uploadHeaderLimit {
		f.What += fmt.Sprintf("; read little-endian it is %d: is the length in the machine's byte order?", le)
	} else if bytes.HasPrefix(b, []byte("{")) {
		f.What += `; it starts with "{": is the 4-byte length missing before the JSON?`
	}
	return f
}

// checkHeader compares the JSON header with the file.
func (s *uploadServer) checkHeader(raw []byte) *Failure {
	var h struct {
		Name   *string      `json:"name"`
		Size   *json.Number `json:"size"`
		SHA256 *string      `json:"sha256"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	want := string(uploadHeader(s.want.name, len(s.want.body), s.sum, 0)[4:])
	if err := dec.Decode(&h); err != nil || dec.More() {
		return &Failure{What: "the header is not one JSON object", Expected: want, Got: show(raw)}
	}
	switch {
	case h.Name == nil || *h.Name != s.want.name:
		return &Failure{What: `the header's "name" is not the file's name (its last path element)`, Expected: want, Got: show(raw)}
	case h.Size == nil || h.Size.String() != fmt.Sprint(len(s.want.body)):
		return &Failure{What: `the header's "size" is not the file's size in bytes`, Expected: want, Got: show(raw)}
	case h.SHA256 == nil || !strings.EqualFold(*h.SHA256, s.sum):
		return &Failure{What: `the header's "sha256" is not the file's SHA-256 in hex`, Expected: want, Got: show(raw)}
	}
	return nil
}

// readFull reads exactly n bytes, allowing the client clientStall between
// pieces, and says what is missing when they do not come.
func (s *uploadServer) readFull(ctx context.Context, c net.Conn, n int, what string) ([]byte, *Failure) {
	got := make([]byte, 0, n)
	buf := make([]byte, 64<<10)
	for len(got) < n {
		c.SetReadDeadline(within(ctx, clientStall))
		k, err := c.Read(buf[:min(len(buf), n-len(got))])
		s.logIO(event.Read, buf, k, err)
		got = append(got, buf[:k]...)
		if err == nil {
			continue
		}
		why := "the client closed the connection"
		if isTimeout(err) {
			why = fmt.Sprintf("the client sent nothing more for %v", clientStall)
		} else if !closedByPeer(err) {
			why = err.Error()
		}
		return got, &Failure{
			What:     fmt.Sprintf("%s did not arrive whole", what),
			Expected: fmt.Sprintf("%d bytes", n),
			Got:      fmt.Sprintf("%d bytes, then %s", len(got), why),
		}
	}
	return got, nil
}

// logIO logs a read or a write of n bytes of b, and its error.
func (s *uploadServer) logIO(kind event.Kind, b []byte, n int, err error) {
	if n > 0 {
		s.emit(event.Event{Kind: kind, Conn: 1, Bytes: n, Text: event.Preview(b[:n])})
	}
	if err != nil {
		s.emit(event.Event{Kind: event.SockError, Conn: 1, Text: string(kind), Err: err.Error()})
	}
}
