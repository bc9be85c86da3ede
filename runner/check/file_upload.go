package check

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	mathrand "math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"sockbook/runner/event"
)

// The file-upload protocol's numbers, and the checker's own bounds.
const (
	// uploadHeaderLimit is the longest header the protocol allows.
	uploadHeaderLimit = 64 << 10
	// uploadReplyLimit bounds the reply line the checker reads.
	uploadReplyLimit = 64 << 10
	// uploadSettle bounds the wait for the upload folder to hold what it
	// should: a correct server has cleaned up before it replies, a nearly
	// correct one just after.
	uploadSettle = time.Second
	// uploadLargeWait bounds the wait for the reply to a large upload,
	// which the server may still be reading, hashing and storing.
	uploadLargeWait = 10 * time.Second
)

// fileUpload checks the projects chapter's server: one file per
// connection, behind a length-prefixed JSON header, stored only when it is
// complete, its name is a plain file name and its checksum matches.
func fileUpload() Exercise {
	return withProjectTimeout(Exercise{
		ID:      "file-upload",
		Chapter: "projects",
		Title:   "A file-upload server",
		Role:    ServerRole,
		Network: "tcp",
		ServerArgs: func(env *Env) []string {
			return []string{"-dir", env.Dir}
		},
		Scenarios: []Scenario{
			{
				Name:  "upload-small",
				Local: true, // checks the files in the server's -dir
				Doc:   `A small text file, named with spaces, an apostrophe and UTF-8 letters, is stored as DIR/name with exactly its bytes, and the reply is {"ok":true} with its SHA-256.`,
				Run: func(ctx context.Context, env *Env) error {
					return uploadAndCheck(ctx, env, newUploadedFile("notes d'été 1.txt", []byte("sockets carry bytes,\nnot messages.\n")))
				},
			},
			{
				Name:  "upload-empty",
				Local: true,
				Doc:   "An empty file (size 0) is stored as an empty file, with the SHA-256 of nothing.",
				Run: func(ctx context.Context, env *Env) error {
					return uploadAndCheck(ctx, env, newUploadedFile("empty.txt", nil))
				},
			},
			{
				Name:    "upload-large",
				Local:   true, // checks the files in the server's -dir
				Doc:     "An 8 MiB binary file arrives in many reads and is stored byte for byte.",
				Timeout: 30 * time.Second,
				Run: func(ctx context.Context, env *Env) error {
					return uploadAndCheck(ctx, env, newUploadedFile("large.bin", randomBytes(8<<20, 1)))
				},
			},
			{
				Name:  "chopped-header",
				Local: true,
				Doc:   "An upload that comes in pieces (the first 12 bytes and the body one byte per write), each read by the server before the next is sent, is stored whole.",
				Run:   uploadChopped,
			},
			{
				Name:  "two-in-turn",
				Local: true,
				Doc:   "Two clients upload one after the other, each on its own connection, and both files are stored.",
				Run:   uploadTwoInTurn,
			},
			{
				Name:  "name-escapes-dir",
				Local: true,
				Doc:   `The name "../<file>" is refused with {"ok":false}, nothing is written next to DIR, and the next client is served.`,
				Run: func(ctx context.Context, env *Env) error {
					return uploadRefusedNames(ctx, env, []string{"../" + uniqueOutsideName()})
				},
			},
			{
				Name:  "name-with-separator",
				Local: true,
				Doc:   `The names "a/b" (with a folder DIR/a present) and "a\b" are refused with {"ok":false}, no file is created, and the next client is served.`,
				Run: func(ctx context.Context, env *Env) error {
					if err := os.Mkdir(filepath.Join(env.Dir, "a"), 0o755); err != nil {
						return fmt.Errorf("file-upload: %w", err)
					}
					return uploadRefusedNames(ctx, env, []string{"a/b", `a\b`})
				},
			},
			{
				Name:  "name-special",
				Local: true,
				Doc:   `The names ".", "..", "", one holding a NUL byte and the name of a folder in DIR are refused with {"ok":false}, no file (temporary or not) is left, and the next client is served.`,
				Run: func(ctx context.Context, env *Env) error {
					if err := os.Mkdir(filepath.Join(env.Dir, "taken"), 0o755); err != nil {
						return fmt.Errorf("file-upload: %w", err)
					}
					return uploadRefusedNames(ctx, env, []string{".", "..", "", "a\x00b", "taken"})
				},
			},
			{
				Name:  "name-windows",
				Local: true,
				Doc:   `The names Windows reads as a device, a drive or another name ("NUL", "com1.txt", "Aux ", "lpt9.dat", "C:x" and "notes.txt.") are refused with {"ok":false}, no file is created, and the next client is served; names that only look like a device ("com10.txt", "com-.txt", "nullify.go") are stored.`,
				Run: func(ctx context.Context, env *Env) error {
					if err := uploadRefusedNames(ctx, env, []string{"NUL", "com1.txt", "Aux ", "lpt9.dat", "C:x", "notes.txt."}); err != nil {
						return err
					}
					return uploadLookAlikes(ctx, env, []string{"com10.txt", "com-.txt", "nullify.go"})
				},
			},
			{
				Name:  "longest-name",
				Local: true,
				Doc:   "A name of 255 bytes, the longest a file system takes, is stored; a name of 256 bytes is refused (a reply or a close) and nothing is stored.",
				Run:   uploadLongestName,
			},
			{
				Name:  "bad-checksum",
				Local: true,
				Doc:   `A body whose SHA-256 differs from the header's is refused with {"ok":false}, no file is left, and the next client is served.`,
				Run:   uploadBadChecksum,
			},
			{
				Name:  "body-cut-short",
				Local: true,
				Doc:   `A client that half-closes after half of the body gets {"ok":false} or a closed connection, no file is left, and the next client is served.`,
				Run:   uploadCutShort,
			},
			{
				Name:  "reply-then-close",
				Local: true,
				Doc:   "After its one line of reply the server closes the connection, without waiting for the client to close first and without sending anything more.",
				Run:   uploadReplyThenClose,
			},
			{
				Name:  "malformed-header",
				Local: true,
				Doc:   `A header length of 0, a header that is not JSON, a negative size and a sha256 that is not 64 hex digits are each refused (a reply or a close) and nothing is stored; the next client is served.`,
				Run:   uploadMalformed,
			},
			{
				Name:  "reset-mid-body",
				Local: true,
				Doc:   "A client that resets its connection (RST) in the middle of the body leaves no file, and the next client is served.",
				Run:   uploadResetMidBody,
			},
			{
				Name:  "header-length-limit",
				Local: true,
				Doc:   "A header length of 65537 is refused (a reply or a close) and nothing is stored; a header of exactly 65536 bytes is accepted.",
				Run:   uploadHeaderLength,
			},
		},
	})
}

// uploadedFile is a file as the checker uploads it.
type uploadedFile struct {
	name string
	body []byte
	hash string // the body's SHA-256 in lowercase hex
}

// newUploadedFile returns the file name holding body.
func newUploadedFile(name string, body []byte) uploadedFile {
	return uploadedFile{name: name, body: body, hash: sha256Hex(body)}
}

// sum is the file's SHA-256 in lowercase hex.
func (f uploadedFile) sum() string { return f.hash }

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// randomBytes returns n bytes that look random and are the same on every run.
func randomBytes(n int, seed byte) []byte {
	b := make([]byte, n)
	mathrand.NewChaCha8([32]byte{seed}).Read(b)
	return b
}

// uniqueOutsideName returns a file name nobody else uses, for a name that tries
// to reach the upload folder's parent (which may be shared, such as /tmp).
func uniqueOutsideName() string { return "sockbook-escape-" + strings.ToLower(rand.Text()[:10]) }

// uploadHeader returns the 4-byte big-endian length and the JSON header for a
// file, padded with spaces (still valid JSON) to pad bytes when pad is
// longer than the JSON.
func uploadHeader(name string, size int, sum string, pad int) []byte {
	h, err := json.Marshal(struct {
		Name   string `json:"name"`
		Size   int    `json:"size"`
		SHA256 string `json:"sha256"`
	}{name, size, sum})
	if err != nil {
		panic(err) // a string and an int always encode
	}
	if pad > len(h) {
		h = append(h, bytes.Repeat([]byte(" "), pad-len(h))...)
	}
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(h))), h...)
}

// uploadRequest is everything a client sends to upload f.
func uploadRequest(f uploadedFile) []byte {
	return append(uploadHeader(f.name, len(f.body), f.sum(), 0), f.body...)
}

// uploadReply is a file-upload reply as the checker decodes it.
type uploadReply struct {
	OK     *bool   `json:"ok"`
	SHA256 *string `json:"sha256"`
	Error  *string `json:"error"`
}

// uploadAnswer is what came back on an upload connection.
type uploadAnswer struct {
	line   []byte // the reply line without its "\n"
	reply  uploadReply
	closed bool // the server closed the connection without replying
}

// readUploadAnswer reads the server's reply line, waiting at most wait for
// each piece. It fails for silence, and for a reply that is not one line of
// JSON with a boolean "ok".
func readUploadAnswer(ctx context.Context, l *link, what string, wait time.Duration) (uploadAnswer, error) {
	var got []byte
	buf := make([]byte, 4096)
	for {
		if i := bytes.IndexByte(got, '\n'); i >= 0 {
			got = got[:i]
			break
		}
		if len(got) > uploadReplyLimit {
			return uploadAnswer{}, &Failure{What: what + ": the reply line does not end", Expected: "one line of JSON", Got: show(got)}
		}
		n, err := l.read(ctx, buf, wait)
		got = append(got, buf[:n]...)
		if err == nil {
			continue
		}
		switch {
		case closedByPeer(err) && len(got) > 0:
			// A last line without its "\n" still says what it says.
		case closedByPeer(err):
			return uploadAnswer{closed: true}, nil
		case len(got) == 0:
			return uploadAnswer{}, &Failure{What: what + ": no reply", Expected: `one line of JSON, {"ok":…}`, Got: "nothing, " + errorText(err)}
		default:
			return uploadAnswer{}, &Failure{What: what + ": the reply line does not end", Expected: `one line of JSON ending in "\n"`, Got: show(got) + ", then " + errorText(err)}
		}
		break
	}
	a := uploadAnswer{line: got}
	if err := json.Unmarshal(got, &a.reply); err != nil || a.reply.OK == nil {
		return uploadAnswer{}, &Failure{
			What:     what + `: the reply is not a JSON object with a boolean "ok"`,
			Expected: `{"ok":true,"sha256":"…"} or {"ok":false,"error":"…"}`,
			Got:      show(got),
		}
	}
	return a, nil
}

// expectStored reads the reply to the upload of f and expects it to be
// {"ok":true} with f's checksum.
func expectStored(ctx context.Context, l *link, f uploadedFile, what string, wait time.Duration) error {
	sum := f.sum()
	want := fmt.Sprintf(`{"ok":true,"sha256":"%s"}`, sum)
	a, err := readUploadAnswer(ctx, l, what, wait)
	switch {
	case err != nil:
		return err
	case a.closed:
		return &Failure{What: what + ": the connection closed without a reply", Expected: want, Got: "no reply"}
	case !*a.reply.OK:
		return &Failure{What: what + ": refused", Expected: want, Got: show(a.line)}
	case a.reply.SHA256 == nil || !strings.EqualFold(*a.reply.SHA256, sum):
		return &Failure{What: what + ": the reply has the wrong checksum", Expected: want, Got: show(a.line)}
	}
	return nil
}

// expectRefused reads the reply to an upload that must be refused. With
// closeOK, a connection closed without a reply also counts as refused.
func expectRefused(ctx context.Context, l *link, what string, closeOK bool) error {
	want := `{"ok":false,"error":"…"}`
	if closeOK {
		want += " or a closed connection"
	}
	a, err := readUploadAnswer(ctx, l, what, replyWait)
	switch {
	case err != nil:
		return err
	case a.closed && closeOK:
		return nil
	case a.closed:
		return &Failure{What: what + ": the connection closed without a reply", Expected: want, Got: "no reply"}
	case *a.reply.OK:
		return &Failure{What: what + ": accepted", Expected: want, Got: show(a.line)}
	case a.reply.Error == nil || *a.reply.Error == "":
		return &Failure{What: what + `: the refusal has no "error" saying why`, Expected: want, Got: show(a.line)}
	}
	return nil
}

// storeUpload uploads f on a new connection in one write and expects it to be
// stored.
func storeUpload(ctx context.Context, s *session, f uploadedFile, what string, wait time.Duration) error {
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	s.log(event.Event{Kind: event.Note, Conn: l.n, Text: fmt.Sprintf("upload %q, %d bytes", f.name, len(f.body))})
	if err := l.write(ctx, uploadRequest(f)); err != nil {
		return earlyAnswer(ctx, l, what, err)
	}
	return expectStored(ctx, l, f, what, wait)
}

// earlyAnswer returns the failure for an upload that could not be sent
// whole (err): when the server answered before it had read everything, its
// answer says why, so it is shown.
func earlyAnswer(ctx context.Context, l *link, what string, err error) error {
	if a, rerr := readUploadAnswer(ctx, l, what, settleWait); rerr == nil && !a.closed {
		return &Failure{What: what + ": answered before the upload was complete", Expected: "the whole header and body read first", Got: show(a.line)}
	}
	return err
}

// nextClientStored uploads one more file, to show that the server still serves
// after a bad upload, then checks that the upload folder holds exactly the
// files in keep and that one.
func nextClientStored(ctx context.Context, s *session, dir string, keep []uploadedFile) error {
	next := nextUpload()
	if err := storeUpload(ctx, s, next, "the next client's upload", replyWait); err != nil {
		return err
	}
	return folderHolds(ctx, dir, append(keep, next))
}

// nextUpload is the file nextClientStored uploads.
func nextUpload() uploadedFile {
	return newUploadedFile("next.txt", []byte("the next client\n"))
}

// uploadLookAlikes uploads a file under each of names, which only look
// like names the server must refuse, after uploadRefusedNames has left
// the next client's file: each must be stored.
func uploadLookAlikes(ctx context.Context, env *Env, names []string) error {
	s := newSession(env)
	kept := []uploadedFile{nextUpload()}
	for _, name := range names {
		f := newUploadedFile(name, []byte("an ordinary name: "+name+"\n"))
		if err := storeUpload(ctx, s, f, fmt.Sprintf("the upload named %q, which is not a device name", name), replyWait); err != nil {
			return err
		}
		kept = append(kept, f)
	}
	return folderHolds(ctx, env.Dir, kept)
}

// uploadAndCheck uploads f and checks that it is stored byte for byte.
func uploadAndCheck(ctx context.Context, env *Env, f uploadedFile) error {
	wait := replyWait
	if len(f.body) > 1<<20 {
		wait = uploadLargeWait
	}
	if err := storeUpload(ctx, newSession(env), f, fmt.Sprintf("the upload of %q (%d bytes)", f.name, len(f.body)), wait); err != nil {
		return err
	}
	return folderHolds(ctx, env.Dir, []uploadedFile{f})
}

func uploadChopped(ctx context.Context, env *Env) error {
	f := newUploadedFile("chopped.txt", []byte("sent in pieces\n"))
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	what := "the upload sent in pieces"
	if err := writeUploadInPieces(ctx, l, uploadRequest(f), len(f.body)); err != nil {
		return earlyAnswer(ctx, l, what, err)
	}
	if err := expectStored(ctx, l, f, what, replyWait); err != nil {
		return err
	}
	return folderHolds(ctx, env.Dir, []uploadedFile{f})
}

// writeUploadInPieces sends an upload's length and the start of its
// header one byte per write, the rest of the header 32 bytes per write and
// the body (its last body bytes) one byte per write; before each piece it
// waits until the server has read the one before. A server that reads the
// length, the header or the body with one Read sees it cut, every time.
func writeUploadInPieces(ctx context.Context, l *link, req []byte, body int) error {
	var pieces [][]byte
	head, rest, tail := req[:12], req[12:len(req)-body], req[len(req)-body:]
	for i := range head {
		pieces = append(pieces, head[i:i+1])
	}
	for len(rest) > 32 {
		pieces, rest = append(pieces, rest[:32]), rest[32:]
	}
	pieces = append(pieces, rest)
	for i := range tail {
		pieces = append(pieces, tail[i:i+1])
	}
	for i, p := range pieces {
		if i > 0 {
			l.waitConsumed(ctx)
		}
		if err := l.write(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

func uploadTwoInTurn(ctx context.Context, env *Env) error {
	// The protocol says nothing of clients at the same time, so they come
	// one after another; a server may serve them either way.
	s := newSession(env)
	first := newUploadedFile("first.bin", randomBytes(256<<10, 2))
	second := newUploadedFile("second.txt", []byte("and then\n"))
	if err := storeUpload(ctx, s, first, "the first client's upload", replyWait); err != nil {
		return err
	}
	if err := storeUpload(ctx, s, second, "a second client's upload, after the first", replyWait); err != nil {
		return err
	}
	return folderHolds(ctx, env.Dir, []uploadedFile{first, second})
}

// uploadRefusedNames uploads an empty file under each name, each on its
// own connection, and expects every one refused with a reply; then it
// checks that the next client is served and that nothing else was written,
// neither in the upload folder nor
// next to it. The body is empty so that a server that refuses right after
// the header has read everything the client sent.
func uploadRefusedNames(ctx context.Context, env *Env, names []string) (result error) {
	// A name reaching out of the folder is looked for after its upload and
	// again at the end, for a server that writes late; what is found there
	// is removed (the folder's parent may be /tmp) and reported first.
	defer func() {
		for _, name := range names {
			if outside := nothingOutside(env.Dir, name); outside != nil {
				result = outside
			}
		}
	}()
	s := newSession(env)
	for _, name := range names {
		l, err := s.dial(ctx)
		if err != nil {
			return err
		}
		what := fmt.Sprintf("the upload named %q", name)
		err = l.write(ctx, uploadHeader(name, 0, sha256Hex(nil), 0))
		if err == nil {
			err = expectRefused(ctx, l, what, false)
		}
		l.close()
		if outside := nothingOutside(env.Dir, name); outside != nil {
			return outside
		}
		if err != nil {
			return err
		}
	}
	return nextClientStored(ctx, s, env.Dir, nil)
}

// nothingOutside checks that an upload named name wrote nothing next to
// the upload folder, and removes what it wrote there.
func nothingOutside(dir, name string) error {
	rest, ok := strings.CutPrefix(name, "../")
	if !ok {
		return nil
	}
	outside := filepath.Join(filepath.Dir(dir), rest)
	if _, err := os.Lstat(outside); err != nil {
		return nil
	}
	os.RemoveAll(outside)
	return &Failure{
		What:     fmt.Sprintf("the upload named %q wrote outside the upload folder", name),
		Expected: "nothing written outside " + dir,
		Got:      "a file at " + outside + " (now removed)",
	}
}

func uploadLongestName(ctx context.Context, env *Env) error {
	s := newSession(env)
	longest := newUploadedFile(strings.Repeat("n", 251)+".txt", []byte("a long name\n"))
	if err := storeUpload(ctx, s, longest, "the upload named with 255 bytes", replyWait); err != nil {
		return err
	}
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	err = l.write(ctx, uploadHeader(strings.Repeat("n", 252)+".txt", 0, sha256Hex(nil), 0))
	if err == nil {
		err = expectRefused(ctx, l, "the upload named with 256 bytes", true)
	}
	l.close()
	if err != nil {
		return err
	}
	return folderHolds(ctx, env.Dir, []uploadedFile{longest})
}

func uploadBadChecksum(ctx context.Context, env *Env) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	body := []byte("the bytes that were sent\n")
	claimed := sha256Hex([]byte("the bytes that were meant\n"))
	err = l.write(ctx, append(uploadHeader("tampered.txt", len(body), claimed, 0), body...))
	if err == nil {
		err = expectRefused(ctx, l, "an upload whose body does not match its sha256", false)
	}
	l.close()
	if err != nil {
		return err
	}
	return nextClientStored(ctx, s, env.Dir, nil)
}

func uploadCutShort(ctx context.Context, env *Env) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	f := newUploadedFile("cut.bin", randomBytes(1<<20, 3))
	req := uploadRequest(f)
	err = l.write(ctx, req[:len(req)-len(f.body)/2])
	if err == nil {
		// A server that has already refused and closed makes this fail:
		// its reply, if any, is still to be read.
		l.closeWrite()
		err = expectRefused(ctx, l, "an upload whose client stopped after half of the body", true)
	}
	l.close()
	if err != nil {
		return err
	}
	return nextClientStored(ctx, s, env.Dir, nil)
}

func uploadReplyThenClose(ctx context.Context, env *Env) error {
	f := newUploadedFile("then-close.txt", []byte("one upload, one reply, one close\n"))
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	if err := l.write(ctx, uploadRequest(f)); err != nil {
		return err
	}
	want := fmt.Appendf(nil, `{"ok":true,"sha256":"%s"}`, f.sum())
	// The client keeps its side open: the close must be the server's.
	got, err := l.readAll(ctx, uploadReplyLimit, closeWait)
	line, rest, _ := bytes.Cut(got, []byte("\n"))
	switch {
	case err != nil && len(got) == 0:
		return &Failure{What: "the upload got no reply", Expected: show(want) + ", then end of stream", Got: errorText(err)}
	case err != nil:
		return &Failure{What: "the server kept the connection open after its reply", Expected: "end of stream after " + show(got), Got: fmt.Sprintf("no close within %v", closeWait)}
	case len(rest) > 0:
		return &Failure{What: "the server sent more than one line", Expected: show(want) + ", then end of stream", Got: show(got)}
	}
	var r uploadReply
	if json.Unmarshal(line, &r) != nil || r.OK == nil || !*r.OK {
		return &Failure{What: "the reply to the upload", Expected: show(want), Got: show(line)}
	}
	return folderHolds(ctx, env.Dir, []uploadedFile{f})
}

// uploadMalformed sends headers the protocol has no sense for, each on its
// own connection, and expects each refused and nothing stored.
func uploadMalformed(ctx context.Context, env *Env) error {
	good := sha256Hex(nil)
	raw := func(h string) []byte { return encodeFrame([]byte(h)) }
	cases := []struct {
		what string
		req  []byte
	}{
		{"a header length of 0", raw("")},
		{"a header that is not JSON", raw(`name=x.txt size=0`)},
		{"a negative size, with the SHA-256 of nothing", raw(fmt.Sprintf(`{"name":"negative.txt","size":-1,"sha256":%q}`, good))},
		{"a sha256 that is not 64 hex digits", raw(`{"name":"short-sum.txt","size":0,"sha256":"abc"}`)},
	}
	s := newSession(env)
	for _, c := range cases {
		l, err := s.dial(ctx)
		if err != nil {
			return err
		}
		s.log(event.Event{Kind: event.Note, Conn: l.n, Text: c.what})
		err = l.write(ctx, c.req)
		if err == nil {
			err = expectRefused(ctx, l, "an upload with "+c.what, true)
		}
		l.close()
		if err != nil {
			return err
		}
	}
	return nextClientStored(ctx, s, env.Dir, nil)
}

func uploadResetMidBody(ctx context.Context, env *Env) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	f := newUploadedFile("reset.bin", randomBytes(1<<20, 6))
	req := uploadRequest(f)
	if err := l.write(ctx, req[:len(req)-len(f.body)/2]); err != nil {
		l.close()
		return err
	}
	// The server is reading the body when the reset comes.
	l.waitConsumed(ctx)
	if err := l.resetAndSettle(ctx); err != nil {
		return err
	}
	return nextClientStored(ctx, s, env.Dir, nil)
}

func uploadHeaderLength(ctx context.Context, env *Env) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	over := newUploadedFile("too-long.txt", []byte("header too long\n"))
	req := append(uploadHeader(over.name, len(over.body), over.sum(), uploadHeaderLimit+1), over.body...)
	// A server that closes as soon as it has read the length may make this
	// write fail: that is allowed.
	l.write(ctx, req)
	err = expectRefused(ctx, l, "an upload with a header length of 65537", true)
	l.close()
	if err != nil {
		return err
	}

	at := newUploadedFile("at-limit.txt", []byte("header of 65536 bytes\n"))
	if l, err = s.dial(ctx); err != nil {
		return err
	}
	defer l.close()
	// In two writes, the second only once the server has read the first,
	// as a real network may deliver it: a server that trusts one Read to
	// return the whole header fails here every time, not now and then.
	req = append(uploadHeader(at.name, len(at.body), at.sum(), uploadHeaderLimit), at.body...)
	err = l.write(ctx, req[:uploadHeaderLimit/2])
	if err == nil {
		l.waitConsumed(ctx)
		err = l.write(ctx, req[uploadHeaderLimit/2:])
	}
	if err == nil {
		err = expectStored(ctx, l, at, "an upload with a header of exactly 65536 bytes (spaces after the JSON)", replyWait)
	}
	if err != nil {
		return err
	}
	return folderHolds(ctx, env.Dir, []uploadedFile{at})
}

// folderHolds waits, at most uploadSettle, until the upload folder (and the
// folders in it) holds exactly the files in want, with their bytes, and no
// other file: a temporary file left behind counts.
func folderHolds(ctx context.Context, dir string, want []uploadedFile) error {
	deadline := within(ctx, uploadSettle)
	for {
		err := folderDiff(dir, want)
		if err == nil || !time.Now().Before(deadline) {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// folderDiff compares the upload folder with what it should hold.
func folderDiff(dir string, want []uploadedFile) error {
	var extra []string
	found := make(map[string]bool)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || rel == "." {
			return err
		}
		if d.IsDir() {
			// Folders are not files left behind: a server may keep one
			// for its temporary files. What is inside is still looked at.
			return nil
		}
		i := slices.IndexFunc(want, func(f uploadedFile) bool { return f.name == rel })
		if i < 0 || !d.Type().IsRegular() {
			extra = append(extra, fmt.Sprintf("%q", rel))
			return nil
		}
		found[rel] = true
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want[i].body) {
			f := compare(fmt.Sprintf("the stored file %q", rel), want[i].body, got)
			f.What = strings.Replace(f.What, "wrong reply", "wrong bytes", 1)
			return f
		}
		return nil
	})
	var f *Failure
	if errors.As(err, &f) {
		return f
	}
	if err != nil {
		return fmt.Errorf("file-upload: read the upload folder: %w", err)
	}
	var names []string
	for _, f := range want {
		names = append(names, fmt.Sprintf("%q", f.name))
		if !found[f.name] {
			return &Failure{What: fmt.Sprintf("the file %q is not in the upload folder", f.name), Expected: "DIR/" + f.name + " after the server said ok", Got: "no such file"}
		}
	}
	if len(extra) > 0 {
		expected := "nothing else"
		if len(names) > 0 {
			expected = "only " + strings.Join(names, ", ")
		}
		got := strings.Join(extra, ", ")
		if len(got) > 200 {
			got = got[:200] + "…"
		}
		return &Failure{What: "the upload folder holds files it should not", Expected: expected, Got: got}
	}
	return nil
}
