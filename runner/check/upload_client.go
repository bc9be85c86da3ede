package check

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
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
	// clientStall is how long the checker's server waits for the client's
	// next bytes before it calls the upload stalled.
	clientStall = 2 * time.Second
	// pretendRefusal is the error the checker's server gives when it
	// refuses a correct upload: distinctive, so that its printing can be
	// seen.
	pretendRefusal = "sockbook check: this server refuses every upload (disk full, pretended)"
	// replyPause is how long the checker's server waits before a reply it
	// sends in pieces, and again halfway through it.
	replyPause = 150 * time.Millisecond
	// endlessReply is the most the checker's server sends of a reply line
	// that never ends: a client must have stopped reading long before.
	endlessReply = 64 << 20
	// resetAfter is how much of the body the checker's server reads before
	// it resets the connection, and resetFileSize the size of that file:
	// more than the kernel's buffers between the two programs hold, so the
	// client is still sending when the reset comes.
	resetAfter    = 64 << 10
	resetFileSize = 16 << 20
)

// uploadClient checks the projects chapter's client: it uploads a file
// with the file-upload protocol to the checker's own server, which reads
// exactly what the protocol says and compares every part with the file.
// The client must exit 0 only when the server said ok, and 1 on every
// failure: a refusal, a reply cut short or never ending, a connection
// reset, no server, no file.
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
					return uploadAndJudge(ctx, env, uploadCase{file: newUploadedFile("notes from class.txt", []byte("line one\nline two\n"))})
				},
			},
			{
				Name: "upload-binary",
				Doc:  "A binary file holding every byte value (NUL and 0xFF too), CR LF, and no final newline arrives byte for byte.",
				Run: func(ctx context.Context, env *Env) error {
					return uploadAndJudge(ctx, env, uploadCase{file: newUploadedFile("data.bin", binaryFileBody())})
				},
			},
			{
				Name: "upload-empty",
				Doc:  "An empty file is announced with size 0 and the SHA-256 of nothing; the client exits 0.",
				Run: func(ctx context.Context, env *Env) error {
					return uploadAndJudge(ctx, env, uploadCase{file: newUploadedFile("empty", nil)})
				},
			},
			{
				Name:    "upload-large",
				Doc:     "A 4 MiB file arrives whole: exactly the size announced, byte for byte.",
				Timeout: 20 * time.Second,
				Run: func(ctx context.Context, env *Env) error {
					return uploadAndJudge(ctx, env, uploadCase{file: newUploadedFile("large.bin", randomBytes(4<<20, 4))})
				},
			},
			{
				Name: "server-refuses",
				Doc:  `When the server answers a correct upload with {"ok":false,"error":…}, the client prints the reply and exits 1.`,
				Run: func(ctx context.Context, env *Env) error {
					return uploadAndJudge(ctx, env, uploadCase{file: newUploadedFile("refused.txt", []byte("nobody wants me\n")), refuse: pretendRefusal})
				},
			},
			{
				Name: "reply-in-pieces",
				Doc:  "A reply that comes after a pause, one byte per write, each read by the client before the next is sent, is read whole: the client prints it and exits 0.",
				Run: func(ctx context.Context, env *Env) error {
					return uploadAndJudge(ctx, env, uploadCase{file: newUploadedFile("pieces.txt", []byte("a reply in pieces\n")), reply: replyPieces})
				},
			},
			{
				Name: "reply-cut-short",
				Doc:  "When the server closes the connection without a reply, or in the middle of it, the client exits 1.",
				Run:  replyCutShort,
			},
			{
				Name:    "endless-reply",
				Doc:     "When the reply line never ends, the client stops reading at a limit of its own, at most 64 MiB, and exits 1.",
				Timeout: 5 * time.Second,
				Run: func(ctx context.Context, env *Env) error {
					c := uploadCase{file: newUploadedFile("endless.txt", []byte("and the reply goes on\n")), reply: replyEndless}
					return expectExitOne(ctx, env, c, "a reply line that never ends")
				},
			},
			{
				Name: "server-resets",
				Doc:  "When the server resets the connection in the middle of a 16 MiB body, the client exits 1.",
				Run: func(ctx context.Context, env *Env) error {
					c := uploadCase{file: newUploadedFile("reset.bin", randomBytes(resetFileSize, 5)), reply: replyReset}
					return expectExitOne(ctx, env, c, "a connection reset in the middle of the body")
				},
			},
			{
				Name: "no-server",
				Doc:  "When nothing listens at -addr, the client exits 1.",
				Run:  uploadNoServer,
			},
			{
				Name: "missing-file",
				Doc:  "When the -file does not exist, or is a folder, the client exits 1, even with a server that would take an empty upload.",
				Run: func(ctx context.Context, env *Env) error {
					c := uploadCase{file: uploadedFile{name: "missing.txt"}, missing: true}
					if err := expectExitOne(ctx, env, c, "a -file that does not exist"); err != nil {
						return err
					}
					if err := os.Mkdir(filepath.Join(env.Dir, "a-folder"), 0o755); err != nil {
						return fmt.Errorf("upload-client: %w", err)
					}
					c.file.name = "a-folder"
					return expectExitOne(ctx, env, c, "a -file that is a folder")
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

// replyStyle says how the checker's server answers an upload.
type replyStyle int

const (
	replyWhole   replyStyle = iota // the reply line in one write
	replyPieces                    // after pauses, one byte per write, each read before the next
	replyHalf                      // the first half of the line, then a close
	replyNone                      // a close, and no reply
	replyEndless                   // a line that never ends
	replyReset                     // no reply: a reset in the middle of the body
)

// uploadCase is one run of the learner's client against the checker's
// server.
type uploadCase struct {
	file    uploadedFile
	refuse  string     // when set, a correct upload is refused with this error
	reply   replyStyle // how the reply goes out
	missing bool       // the file is not written: -file names nothing, or a folder
}

// runUpload writes c's file into the scenario's folder, starts the
// checker's server, runs the learner's client with -addr and -file, and
// returns how the client ended and what the server saw. A client still
// running when ctx ends is a *Failure.
func runUpload(ctx context.Context, env *Env, c uploadCase) (ClientResult, *uploadServer, error) {
	if env.RunClient == nil {
		return ClientResult{}, nil, errors.New("upload-client: the runner cannot run a client")
	}
	path := filepath.Join(env.Dir, c.file.name)
	if !c.missing {
		if err := os.WriteFile(path, c.file.body, 0o644); err != nil {
			return ClientResult{}, nil, fmt.Errorf("upload-client: %w", err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return ClientResult{}, nil, fmt.Errorf("upload-client: %w", err)
	}
	srv := &uploadServer{want: c.file, sum: c.file.sum(), refuse: c.refuse, style: c.reply, acceptAny: c.missing, log: env.Log}
	srv.start(ctx, ln)
	res, runErr := env.RunClient(ctx, []string{"-addr", ln.Addr().String(), "-file", path})
	srv.stop()
	if runErr != nil {
		if ctx.Err() != nil {
			return res, srv, &Failure{
				What:     "the client did not finish",
				Expected: "the client to exit",
				Got:      fmt.Sprintf("still running when the scenario's time was up; it printed %s", show([]byte(res.Stdout))),
			}
		}
		return res, srv, fmt.Errorf("upload-client: %w", runErr)
	}
	return res, srv, nil
}

// uploadAndJudge runs the client on c and judges what arrived, the exit
// status and what the client printed: the server's reply, and exit 0 for
// ok, 1 for a refusal.
func uploadAndJudge(ctx context.Context, env *Env, c uploadCase) error {
	res, srv, err := runUpload(ctx, env, c)
	// What crossed the wire comes first: it is why the rest went wrong.
	if srv != nil && srv.failure != nil {
		return srv.failure
	}
	if err != nil {
		return err
	}
	if srv.conns == 0 {
		return &Failure{
			What:     "the client never connected",
			Expected: "a connection to the -addr given",
			Got:      fmt.Sprintf("exit status %d, stderr %s", res.Code, show([]byte(res.Stderr))),
		}
	}
	if !srv.complete {
		return &Failure{
			What:     "the upload did not arrive",
			Expected: fmt.Sprintf("the header and %d bytes", len(c.file.body)),
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
	if c.refuse != "" {
		wantCode, token = 1, c.refuse
	}
	if res.Code != wantCode {
		return &Failure{
			What:     "the client's exit status does not follow the reply " + show(srv.reply),
			Expected: fmt.Sprintf("exit status %d", wantCode),
			Got:      fmt.Sprintf("exit status %d, stdout %s, stderr %s", res.Code, show([]byte(res.Stdout)), show([]byte(res.Stderr))),
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

// expectExitOne runs the client on c, where the upload cannot succeed,
// and expects exit status 1. What the client sent, as far as it got, must
// still follow the protocol.
func expectExitOne(ctx context.Context, env *Env, c uploadCase, what string) error {
	res, srv, err := runUpload(ctx, env, c)
	if srv != nil && srv.failure != nil {
		return srv.failure
	}
	// Unless the file is missing, the upload must have come as far as the
	// server let it: exit status 1 from a client that never sent it
	// proves nothing.
	if err == nil && !c.missing && !srv.complete {
		return &Failure{
			What:     "the upload did not arrive before " + what,
			Expected: fmt.Sprintf("the header and the %d-byte body, as far as the server read them", len(c.file.body)),
			Got:      fmt.Sprintf("%d connections; exit status %d, stderr %s", srv.conns, res.Code, show([]byte(res.Stderr))),
		}
	}
	var f *Failure
	if errors.As(err, &f) {
		f.What += " after " + what
		f.Expected = "exit status 1"
		return f
	}
	if err != nil {
		return err
	}
	if res.Code != 1 {
		return &Failure{
			What:     "the client's exit status after " + what,
			Expected: "exit status 1: the upload failed",
			Got:      fmt.Sprintf("exit status %d, stdout %s, stderr %s", res.Code, show([]byte(res.Stdout)), show([]byte(res.Stderr))),
		}
	}
	return nil
}

// replyCutShort closes the connection after the upload, first with no
// reply at all, then in the middle of the reply.
func replyCutShort(ctx context.Context, env *Env) error {
	f := newUploadedFile("cut.txt", []byte("the reply will not come whole\n"))
	if err := expectExitOne(ctx, env, uploadCase{file: f, reply: replyNone}, "a connection closed without a reply"); err != nil {
		return err
	}
	return expectExitOne(ctx, env, uploadCase{file: f, reply: replyHalf}, "a connection closed in the middle of the reply")
}

// uploadNoServer runs the client against an address where nothing
// listens: a port that a listener held a moment ago.
func uploadNoServer(ctx context.Context, env *Env) error {
	if env.RunClient == nil {
		return errors.New("upload-client: the runner cannot run a client")
	}
	path := filepath.Join(env.Dir, "nowhere.txt")
	if err := os.WriteFile(path, []byte("nobody to send it to\n"), 0o644); err != nil {
		return fmt.Errorf("upload-client: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("upload-client: %w", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	res, err := env.RunClient(ctx, []string{"-addr", addr, "-file", path})
	switch {
	case err != nil && ctx.Err() != nil:
		return &Failure{What: "the client did not finish when nothing listens at -addr", Expected: "exit status 1", Got: "still running when the scenario's time was up"}
	case err != nil:
		return fmt.Errorf("upload-client: %w", err)
	case res.Code != 1:
		return &Failure{
			What:     "the client's exit status when nothing listens at -addr",
			Expected: "exit status 1: the upload failed",
			Got:      fmt.Sprintf("exit status %d, stderr %s", res.Code, show([]byte(res.Stderr))),
		}
	}
	return nil
}

// uploadServer is the checker's file-upload server for one scenario. It
// serves the first connection only: it reads the 4-byte length, the header
// and the body exactly as the protocol says, compares each with the file
// the client was given, and replies as its style says. With acceptAny it
// takes whatever well-formed upload comes, and says ok. Its results are
// read after stop.
type uploadServer struct {
	want      uploadedFile
	sum       string // want's SHA-256 in hex
	refuse    string
	style     replyStyle
	acceptAny bool
	log       func(event.Event)

	cancel context.CancelFunc
	done   chan struct{}

	conns    int      // connections accepted
	complete bool     // the whole upload arrived (as far as the server reads), and was right
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
		s.serve(ctx, c.(*net.TCPConn))
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

// serve judges one upload and replies as the server's style says.
func (s *uploadServer) serve(ctx context.Context, c *net.TCPConn) {
	switch {
	case s.style == replyReset:
		s.failure = s.receiveThenReset(ctx, c)
		return
	case s.acceptAny:
		s.failure = s.receiveAny(ctx, c)
	default:
		s.failure = s.receive(ctx, c)
	}
	s.complete = s.failure == nil
	reply := map[string]any{"ok": true, "sha256": s.sum}
	switch {
	case s.failure != nil:
		reply = map[string]any{"ok": false, "error": "sockbook check: " + s.failure.Error()}
	case s.refuse != "":
		reply = map[string]any{"ok": false, "error": s.refuse}
	}
	line, _ := json.Marshal(reply)
	line = append(line, '\n')
	var err error
	switch {
	case s.failure != nil:
		s.write(ctx, c, line)
		return
	case s.style == replyNone:
		return
	case s.style == replyHalf:
		s.write(ctx, c, line[:len(line)/2])
		return
	case s.style == replyEndless:
		s.writeEndless(ctx, c)
		return
	case s.style == replyPieces:
		err = s.writePieces(ctx, c, line)
	default:
		err = s.write(ctx, c, line)
	}
	if err != nil {
		return
	}
	s.reply = line[:len(line)-1]
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

// write sends b in one write.
func (s *uploadServer) write(ctx context.Context, c *net.TCPConn, b []byte) error {
	c.SetWriteDeadline(within(ctx, clientStall))
	n, err := c.Write(b)
	s.logIO(event.Write, b, n, err)
	return err
}

// writePieces sends b one byte per write after a pause, and pauses again
// halfway; before each byte it waits until the client has read the one
// before. A client that takes one Read for the whole reply sees the first
// byte alone, every time.
func (s *uploadServer) writePieces(ctx context.Context, c *net.TCPConn, b []byte) error {
	for i := range b {
		if i == 0 || i == len(b)/2 {
			select {
			case <-time.After(replyPause):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if i > 0 {
			waitConsumed(ctx, c)
		}
		if err := s.write(ctx, c, b[i:i+1]); err != nil {
			return err
		}
	}
	return nil
}

// writeEndless sends the start of a reply and then a line that never
// ends, 1 MiB per write, up to endlessReply bytes or until the client
// stops reading; then it waits for the client to close the connection.
func (s *uploadServer) writeEndless(ctx context.Context, c *net.TCPConn) {
	if s.write(ctx, c, []byte(`{"sha256":"`)) != nil {
		return
	}
	piece := bytes.Repeat([]byte("x"), 1<<20)
	for sent := 0; sent < endlessReply; sent += len(piece) {
		if s.write(ctx, c, piece) != nil {
			return
		}
	}
	// Until the client closes, or ctx ends. (Ending ctx sets a deadline in
	// the past; if it came before this one, ctx.Err says so.)
	c.SetReadDeadline(within(ctx, time.Hour))
	if ctx.Err() != nil {
		return
	}
	buf := make([]byte, 4096)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

// receiveThenReset reads the length, the header and resetAfter bytes of
// the body, then makes the connection's close a reset (RST), while the
// client is still sending.
func (s *uploadServer) receiveThenReset(ctx context.Context, c *net.TCPConn) *Failure {
	raw, f := s.readHeader(ctx, c)
	if f != nil {
		return f
	}
	if f := s.checkHeader(raw); f != nil {
		return f
	}
	if _, f := s.readFull(ctx, c, resetAfter, "the body's first 64 KiB"); f != nil {
		return f
	}
	s.complete = true // as far as this server reads
	c.SetLinger(0)
	s.emit(event.Event{Kind: event.Note, Conn: 1, Text: "reset (linger 0) in the middle of the body"})
	return nil
}

// receiveAny reads one well-formed upload, whatever file it holds.
func (s *uploadServer) receiveAny(ctx context.Context, c *net.TCPConn) *Failure {
	raw, f := s.readHeader(ctx, c)
	if f != nil {
		return f
	}
	var h struct {
		Size int64 `json:"size"`
	}
	if err := json.Unmarshal(raw, &h); err != nil || h.Size < 0 || h.Size > 64<<20 {
		return &Failure{What: "the header is not a JSON object with a size", Expected: `{"name":…,"size":…,"sha256":…}`, Got: show(raw)}
	}
	body, f := s.readFull(ctx, c, int(h.Size), fmt.Sprintf("the %d-byte body", h.Size))
	if f != nil {
		return f
	}
	sum := sha256.Sum256(body)
	s.sum = hex.EncodeToString(sum[:])
	return nil
}

// readHeader reads an upload's 4-byte header length and the header it
// announces.
func (s *uploadServer) readHeader(ctx context.Context, c net.Conn) ([]byte, *Failure) {
	length, f := s.readFull(ctx, c, 4, "the 4-byte header length")
	if f != nil {
		return nil, f
	}
	n := binary.BigEndian.Uint32(length)
	if n == 0 || n > uploadHeaderLimit {
		return nil, badLengthFailure(length)
	}
	return s.readFull(ctx, c, int(n), fmt.Sprintf("the %d-byte header", n))
}

// receive reads one upload and returns what the client got wrong.
func (s *uploadServer) receive(ctx context.Context, c net.Conn) *Failure {
	raw, f := s.readHeader(ctx, c)
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
