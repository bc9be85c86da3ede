package check

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"sockbook/runner/event"
)

// The remote-cmd protocol's numbers, and the checker's own bounds.
const (
	// cmdOutputCap is the protocol's cap on each output stream, 1 MiB. A
	// server may keep a little less (a "megabyte" of 10^6 bytes), never
	// more: cmdOutputFloor is the least it may keep of a larger output.
	cmdOutputCap   = 1 << 20
	cmdOutputFloor = 1_000_000
	// cmdBigOutput is what output-capped has written: three times the cap.
	cmdBigOutput = 3 << 20
	// cmdReplyLimit bounds a reply frame the checker reads: two full
	// streams, JSON-escaped at up to 6 bytes a byte, fit easily.
	cmdReplyLimit = 64 << 20
	// cmdBigWait bounds the wait for a reply carrying megabytes of output.
	cmdBigWait = 10 * time.Second
	// cmdLimit is the protocol's time limit per command, and
	// [cmdLimitEarliest, cmdLimitLatest] is when the checker accepts the
	// answer to a command that would run for 30 s.
	cmdLimit         = 5 * time.Second
	cmdLimitEarliest = 4 * time.Second
	cmdLimitLatest   = 8 * time.Second
	// cmdHugeFrame is the length of the oversize request: more than any
	// sane limit, and more than a server should ever allocate on trust.
	cmdHugeFrame = 1 << 30
	// cmdVMGrowth is how much more memory (mapped, touched or not) the
	// server may hold after the oversize request than before it.
	cmdVMGrowth = 256 << 20
	// cmdAllow is the allowlist every scenario runs the server with; see
	// remoteCmd.
	cmdAllow = "echo,cat,dd,sleep"
)

// remoteCmd checks the projects chapter's command server.
//
// The server runs with -allow echo,cat,dd,sleep, the same for every
// scenario (Exercise.ServerArgs is per exercise): echo shows arguments
// arrive literally, cat gives a non-zero exit status with stderr and
// writes three times the cap to stdout, dd (of=/dev/stderr) writes it to
// stderr without a shell, and sleep outlives the time limit. sh and rm
// stay out, so that not-allowed can ask for them.
//
// Decisions the protocol leaves open, and what the checker accepts:
//   - an allowlist holds names: "/bin/echo" is refused even though echo is
//     allowed, since a path could reach any program with an allowed name;
//   - a capped stream keeps the start of a larger output, between 10^6
//     and 2^20 bytes of it; the exit status is then not judged (a server
//     may let the command run on, or stop it);
//   - the answer to a command over the time limit is {"error":…} or a
//     non-zero exit status, 4 to 8 s after the request;
//   - a request the server cannot parse gets {"error":…} and the
//     connection goes on; a length of 1 GiB closes the connection (an
//     {"error":…} frame first is allowed) without allocating it.
func remoteCmd() Exercise {
	return withProjectTimeout(Exercise{
		ID:      "remote-cmd",
		Chapter: "projects",
		Title:   "A remote command service, done safely",
		Role:    ServerRole,
		Network: "tcp",
		ServerArgs: func(*Env) []string {
			return []string{"-allow", cmdAllow}
		},
		Scenarios: []Scenario{
			{
				Name: "echo-hello",
				Doc:  `["echo","hello"] is answered {"exit":0,"stdout":"hello\n","stderr":""}.`,
				Run: func(ctx context.Context, env *Env) error {
					return cmdExchange(ctx, newSession(env), cmdStdout("hello\n"), "echo", "hello")
				},
			},
			{
				Name:  "exit-status",
				Local: true, // needs the checker's -allow list (and its files)
				Doc:   `["cat","/nonexistent-…"] is answered with "exit":1, the error message on stderr and nothing on stdout: a failed command is still an answer.`,
				Run: func(ctx context.Context, env *Env) error {
					return cmdExchange(ctx, newSession(env), cmdCatFails, "cat", "/nonexistent-sockbook-check")
				},
			},
			{
				Name: "shell-metacharacters",
				Doc:  `Arguments holding ";", "$(…)", "|", quotes, "*" and double spaces reach echo unchanged: no shell reads them.`,
				Run:  cmdShellMeta,
			},
			{
				Name: "not-allowed",
				Doc:  `["sh",…], ["/bin/echo",…] and ["rm",…] are answered {"error":…} without running anything, and the connection goes on.`,
				Run:  cmdNotAllowed,
			},
			{
				Name:    "output-capped",
				Local:   true, // needs the checker's -allow list (and its files)
				Doc:     "3 MiB written by cat to stdout, then by dd to stderr, come back capped at their first 1 MiB, and the server goes on answering.",
				Timeout: 20 * time.Second,
				Run:     cmdOutputCapped,
			},
			{
				Name:    "time-limit",
				Local:   true, // needs the checker's -allow list (and its files)
				Doc:     `["sleep","30"] is stopped at the 5 s limit and answered with {"error":…} or a non-zero exit status; the connection goes on.`,
				Timeout: 12 * time.Second,
				Run:     cmdTimeLimit,
			},
			{
				Name: "chopped-1-byte",
				Doc:  "A request sent one byte per write, each byte read by the server before the next is sent, is answered as one request.",
				Run:  cmdChopped,
			},
			{
				Name: "coalesced-requests",
				Doc:  "Two requests sent in one write are answered with two replies, in order.",
				Run:  cmdCoalesced,
			},
			{
				Name: "malformed-request",
				Doc:  `Broken JSON, an empty argv and an argv that is not a list are each answered {"error":…}, and the connection goes on.`,
				Run:  cmdMalformed,
			},
			{
				Name: "oversize-frame",
				Doc:  "A request length of 1 GiB closes the connection without the server allocating it, and the next client is served.",
				Run:  cmdOversize,
			},
		},
	})
}

// cmdFrame returns body behind its 4-byte big-endian length.
func cmdFrame(body []byte) []byte {
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(body))), body...)
}

// cmdRequest is the frame that asks to run argv.
func cmdRequest(argv ...string) []byte {
	body, err := json.Marshal(map[string][]string{"argv": argv})
	if err != nil {
		panic(err) // strings always encode
	}
	return cmdFrame(body)
}

// cmdName names a request in a message.
func cmdName(argv []string) string {
	b, _ := json.Marshal(argv)
	if len(b) > 80 {
		return string(b[:77]) + "…]"
	}
	return string(b)
}

// cmdReply is a remote-cmd reply as the checker decodes it.
type cmdReply struct {
	raw    []byte
	Exit   *int    `json:"exit"`
	Stdout *string `json:"stdout"`
	Stderr *string `json:"stderr"`
	Error  *string `json:"error"`
}

func (r cmdReply) refused() bool { return r.Error != nil && *r.Error != "" }

func (r cmdReply) stdout() string { return cmdText(r.Stdout) }
func (r cmdReply) stderr() string { return cmdText(r.Stderr) }

func cmdText(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// readCmdReply reads one reply frame, waiting at most wait for each piece.
func readCmdReply(ctx context.Context, l *link, what string, wait time.Duration) (cmdReply, error) {
	head, err := l.readN(ctx, 4, wait)
	if err != nil {
		f := &Failure{What: what + ": no reply", Expected: "a reply frame", Got: errorText(err)}
		if len(head) > 0 {
			f.What = what + ": the reply frame stopped short"
			f.Got = fmt.Sprintf("%s, then %s", show(head), errorText(err))
		}
		return cmdReply{}, f
	}
	n := binary.BigEndian.Uint32(head)
	if n > cmdReplyLimit {
		return cmdReply{}, &Failure{
			What:     fmt.Sprintf("%s: a reply frame of %d bytes", what, n),
			Expected: "a 4-byte big-endian length of a JSON reply, a few MiB at most",
			Got:      show(head),
		}
	}
	body, err := l.readN(ctx, int(n), wait)
	if err != nil {
		return cmdReply{}, &Failure{
			What:     what + ": the reply frame stopped short",
			Expected: fmt.Sprintf("%d bytes, as its length said", n),
			Got:      fmt.Sprintf("%d bytes, then %s", len(body), errorText(err)),
		}
	}
	r := cmdReply{raw: body}
	if err := json.Unmarshal(body, &r); err != nil {
		return cmdReply{}, &Failure{
			What:     what + ": the reply is not the protocol's JSON",
			Expected: `{"exit":N,"stdout":"…","stderr":"…"} or {"error":"…"}`,
			Got:      show(body),
		}
	}
	return r, nil
}

// cmdJudge checks the reply to one request; nil means it was right.
type cmdJudge func(what string, r cmdReply) error

// cmdRan checks that r says the command ran, and returns nil if so.
func cmdRan(what string, r cmdReply) error {
	switch {
	case r.refused():
		return &Failure{What: what + ": not run", Expected: `{"exit":…,"stdout":…,"stderr":…}`, Got: show(r.raw)}
	case r.Exit == nil:
		return &Failure{What: what + `: the reply has no "exit"`, Expected: `{"exit":…,"stdout":…,"stderr":…}`, Got: show(r.raw)}
	}
	return nil
}

// cmdStdout judges a reply that must be exit 0 with this stdout and no
// stderr.
func cmdStdout(stdout string) cmdJudge {
	want := fmt.Sprintf(`{"exit":0,"stdout":%q,"stderr":""}`, stdout)
	return func(what string, r cmdReply) error {
		if err := cmdRan(what, r); err != nil {
			return err
		}
		if *r.Exit != 0 || r.stdout() != stdout || r.stderr() != "" {
			return &Failure{What: what + ": wrong reply", Expected: want, Got: show(r.raw)}
		}
		return nil
	}
}

func cmdCatFails(what string, r cmdReply) error {
	if err := cmdRan(what, r); err != nil {
		return err
	}
	if *r.Exit != 1 || r.stdout() != "" || r.stderr() == "" {
		return &Failure{
			What:     what + ": wrong reply",
			Expected: `{"exit":1,"stdout":"","stderr":"cat: …: No such file or directory\n"}`,
			Got:      show(r.raw),
		}
	}
	return nil
}

// cmdRefused judges a reply that must refuse to run the request.
func cmdRefused(what string, r cmdReply) error {
	switch {
	case r.Exit != nil || r.Stdout != nil:
		return &Failure{What: what + ": it was run", Expected: `{"error":"…"}, and nothing run`, Got: show(r.raw)}
	case !r.refused():
		return &Failure{What: what + `: no "error" saying why it was refused`, Expected: `{"error":"…"}`, Got: show(r.raw)}
	}
	return nil
}

// cmdStep is one request on a connection and how to judge its reply.
type cmdStep struct {
	argv  []string // the request; nil when frame is given instead
	frame []byte   // a raw request frame, for malformed requests
	what  string   // names the request in a failure, for a raw frame
	judge cmdJudge
	wait  time.Duration // for the reply; zero means replyWait
}

// cmdSteps sends each request on one connection and judges its reply
// before sending the next.
func cmdSteps(ctx context.Context, l *link, steps []cmdStep) error {
	for _, st := range steps {
		frame, what := st.frame, st.what
		if frame == nil {
			frame, what = cmdRequest(st.argv...), "the request "+cmdName(st.argv)
		}
		wait := st.wait
		if wait == 0 {
			wait = replyWait
		}
		if err := l.write(ctx, frame); err != nil {
			return err
		}
		r, err := readCmdReply(ctx, l, what, wait)
		if err != nil {
			return err
		}
		if err := st.judge(what, r); err != nil {
			return err
		}
	}
	return nil
}

// cmdStillHere is the request that shows the connection still works.
func cmdStillHere() cmdStep {
	return cmdStep{argv: []string{"echo", "still here"}, judge: cmdStdout("still here\n")}
}

// cmdExchange sends argv on a new connection and judges the reply.
func cmdExchange(ctx context.Context, s *session, judge cmdJudge, argv ...string) error {
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	return cmdSteps(ctx, l, []cmdStep{{argv: argv, judge: judge}})
}

func cmdShellMeta(ctx context.Context, env *Env) error {
	args := []string{"hi; echo PWNED", "$(echo INJECTED)", "a|cat", "`echo x`", "*", "two  spaces", "&&", "'single'", `"double"`}
	argv := append([]string{"echo"}, args...)
	return cmdExchange(ctx, newSession(env), cmdStdout(strings.Join(args, " ")+"\n"), argv...)
}

func cmdNotAllowed(ctx context.Context, env *Env) error {
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	return cmdSteps(ctx, l, []cmdStep{
		{argv: []string{"sh", "-c", "echo PWNED"}, judge: cmdRefused},
		{argv: []string{"/bin/echo", "PWNED"}, judge: cmdRefused},
		{argv: []string{"rm", "-f", "sockbook-no-such-file"}, judge: cmdRefused},
		cmdStillHere(),
	})
}

// cmdBigFile returns what output-capped has cat and dd write: cmdBigOutput
// bytes of numbered text lines. Text, because a JSON string of 1 MiB of
// NUL bytes is 6 MiB of "\u0000".
func cmdBigFile() []byte {
	// 4096 numbered lines, repeated: cheap to make, and a stream cut or
	// patched anywhere still differs from them.
	var block []byte
	for i := range 4096 {
		block = append(block, "output line "...)
		block = strconv.AppendInt(block, int64(i), 10)
		block = append(block, " of a command that writes too much\n"...)
	}
	return bytes.Repeat(block, cmdBigOutput/len(block)+1)[:cmdBigOutput]
}

// cmdCapped judges a reply whose stream (picked by pick) was sent all of
// full.
func cmdCapped(stream string, full []byte, pick func(cmdReply) string) cmdJudge {
	return func(what string, r cmdReply) error {
		if err := cmdRan(what, r); err != nil {
			return err
		}
		out := pick(r)
		want := fmt.Sprintf("%s: the first 1 MiB (%d bytes) of the %d bytes written, or at least the first %d", stream, cmdOutputCap, len(full), cmdOutputFloor)
		got := fmt.Sprintf("%s of %d bytes", stream, len(out))
		switch {
		case len(out) > cmdOutputCap:
			return &Failure{What: what + ": " + stream + " is not capped", Expected: want, Got: got}
		case len(out) < cmdOutputFloor:
			return &Failure{What: what + ": " + stream + " lost output under the cap", Expected: want, Got: got}
		case !bytes.HasPrefix(full, []byte(out)):
			f := compare(what+": "+stream, full[:len(out)], []byte(out))
			f.What = strings.Replace(f.What, "wrong reply", "not what was written", 1)
			return f
		}
		return nil
	}
}

func cmdOutputCapped(ctx context.Context, env *Env) error {
	full := cmdBigFile()
	path := filepath.Join(env.Dir, "big-output.txt")
	if err := os.WriteFile(path, full, 0o644); err != nil {
		return fmt.Errorf("remote-cmd: %w", err)
	}
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	return cmdSteps(ctx, l, []cmdStep{
		{
			argv:  []string{"cat", path},
			judge: cmdCapped("stdout", full, cmdReply.stdout),
			wait:  cmdBigWait,
		},
		{
			argv:  []string{"dd", "if=" + path, "of=/dev/stderr", "bs=65536"},
			judge: cmdCapped("stderr", full, cmdReply.stderr),
			wait:  cmdBigWait,
		},
		cmdStillHere(),
	})
}

func cmdTimeLimit(ctx context.Context, env *Env) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	argv := []string{"sleep", "30"}
	what := "the request " + cmdName(argv)
	if err := l.write(ctx, cmdRequest(argv...)); err != nil {
		return err
	}
	start := time.Now()
	r, err := readCmdReply(ctx, l, what, cmdLimitLatest)
	took := time.Since(start).Round(100 * time.Millisecond)
	want := fmt.Sprintf(`{"error":"…"} or a non-zero "exit", after the %v limit (%v to %v)`, cmdLimit, cmdLimitEarliest, cmdLimitLatest)
	switch {
	case err != nil && time.Since(start) >= cmdLimitLatest:
		return &Failure{What: what + ": the command was not stopped at the time limit", Expected: want, Got: fmt.Sprintf("no reply within %v", cmdLimitLatest)}
	case err != nil:
		return err
	case took < cmdLimitEarliest:
		return &Failure{What: what + ": answered before the time limit", Expected: want, Got: fmt.Sprintf("%s after %v", show(r.raw), took)}
	case !r.refused() && (r.Exit == nil || *r.Exit == 0):
		return &Failure{What: what + ": the reply does not say the command was stopped", Expected: want, Got: show(r.raw)}
	}
	s.log(event.Event{Kind: event.Note, Conn: l.n, Text: fmt.Sprintf("answered after %v", took)})
	return cmdSteps(ctx, l, []cmdStep{cmdStillHere()})
}

func cmdChopped(ctx context.Context, env *Env) error {
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	argv := []string{"echo", "in", "pieces"}
	if err := l.writeChopped(ctx, cmdRequest(argv...)); err != nil {
		return err
	}
	what := "the request " + cmdName(argv) + " sent one byte per write"
	r, err := readCmdReply(ctx, l, what, replyWait)
	if err != nil {
		return err
	}
	return cmdStdout("in pieces\n")(what, r)
}

func cmdCoalesced(ctx context.Context, env *Env) error {
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	if err := l.write(ctx, append(cmdRequest("echo", "one"), cmdRequest("echo", "two")...)); err != nil {
		return err
	}
	for _, word := range []string{"one", "two"} {
		what := fmt.Sprintf(`the request ["echo",%q], sent in one write with another`, word)
		r, err := readCmdReply(ctx, l, what, replyWait)
		if err != nil {
			return err
		}
		if err := cmdStdout(word+"\n")(what, r); err != nil {
			return err
		}
	}
	return nil
}

func cmdMalformed(ctx context.Context, env *Env) error {
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	var steps []cmdStep
	for _, body := range []string{`{"argv":["echo",`, `{"argv":[]}`, `{"argv":"echo hi"}`, `not json`} {
		steps = append(steps, cmdStep{frame: cmdFrame([]byte(body)), what: "the request " + show([]byte(body)), judge: cmdRefused})
	}
	return cmdSteps(ctx, l, append(steps, cmdStillHere()))
}

func cmdOversize(ctx context.Context, env *Env) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	before, vmErr := int64(0), fmt.Errorf("not measured")
	if env.ServerVM != nil {
		before, vmErr = env.ServerVM()
	}
	if err := l.write(ctx, binary.BigEndian.AppendUint32(nil, cmdHugeFrame)); err != nil {
		l.close()
		return err
	}
	got, err := l.readAll(ctx, 1<<20, closeWait)
	l.close()
	what := "a request length of 1 GiB"
	if err != nil {
		return &Failure{What: what + ": the connection stayed open", Expected: "the connection closed, the request unread", Got: fmt.Sprintf("%s, then %s", show(got), errorText(err))}
	}
	if len(got) > 0 && !cmdOneRefusal(got) {
		return &Failure{What: what + ": a reply other than an error", Expected: `the connection closed, after at most an {"error":…} frame`, Got: show(got)}
	}
	if vmErr == nil {
		if after, err := env.ServerVM(); err == nil && after-before > cmdVMGrowth {
			return &Failure{
				What:     what + ": the server allocated it",
				Expected: "no allocation for a request over the limit",
				Got:      fmt.Sprintf("the server's memory grew by %d MiB", (after-before)>>20),
			}
		}
	}
	return cmdExchange(ctx, s, cmdStdout("still here\n"), "echo", "still here")
}

// cmdOneRefusal reports whether b is exactly one {"error":…} frame.
func cmdOneRefusal(b []byte) bool {
	if len(b) < 4 || int(binary.BigEndian.Uint32(b)) != len(b)-4 {
		return false
	}
	var r cmdReply
	return json.Unmarshal(bytes.TrimSpace(b[4:]), &r) == nil && r.refused() && r.Exit == nil
}
