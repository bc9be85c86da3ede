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
	// outputCap is the protocol's cap on each output stream, 1 MiB. A
	// server may keep a little less (a "megabyte" of 10^6 bytes), never
	// more: outputFloor is the least it may keep of a larger output.
	outputCap   = 1 << 20
	outputFloor = 1_000_000
	// bigOutputSize is what output-capped has written: three times the cap.
	bigOutputSize = 3 << 20
	// commandReplyLimit bounds a reply frame the checker reads: two full
	// streams, JSON-escaped at up to 6 bytes a byte, fit easily.
	commandReplyLimit = 64 << 20
	// bigOutputWait bounds the wait for a reply carrying megabytes of output.
	bigOutputWait = 10 * time.Second
	// commandTimeLimit is the protocol's time limit per command, and
	// [timeLimitEarliest, timeLimitLatest] is when the checker accepts the
	// answer to a command that would run for 30 s.
	commandTimeLimit  = 5 * time.Second
	timeLimitEarliest = 4500 * time.Millisecond
	timeLimitLatest   = 5900 * time.Millisecond
	// hugeRequestLength is the length of the oversize request: more than any
	// sane limit, and more than a server should ever allocate on trust.
	hugeRequestLength = 1 << 30
	// requestVMGrowth is how much more memory (mapped, touched or not) the
	// server may hold after the oversize request than before it.
	requestVMGrowth = 256 << 20
	// allowList is the allowlist every scenario runs the server with; see
	// remoteCmd.
	allowList = "echo,cat,dd,sleep," + missingProgram
	// missingProgram is allowed, and is on no PATH.
	missingProgram = "sockbook-no-such-program"
)

// remoteCmd checks the projects chapter's command server.
//
// The server runs with -allow echo,cat,dd,sleep,sockbook-no-such-program,
// the same for every scenario (Exercise.ServerArgs is per exercise): echo
// shows arguments arrive literally, cat gives a non-zero exit status with
// stderr and writes three times the cap to stdout, dd (of=/dev/stderr)
// writes it to stderr without a shell, sleep outlives the time limit, and
// the last is allowed but exists nowhere. sh and rm stay out, so that
// not-allowed can ask for them.
//
// Decisions the protocol leaves open, and what the checker accepts:
//   - an allowlist holds names: "/bin/echo" is refused even though echo is
//     allowed, since a path could reach any program with an allowed name;
//   - a capped stream keeps the start of a larger output, between 10^6
//     and 2^20 bytes of it; the exit status is then not judged (a server
//     may let the command run on, or stop it);
//   - an allowed program that cannot be started is answered {"error":…}
//     or with a non-zero exit status (127, as a shell says);
//   - the answer to a command over the time limit is {"error":…} or a
//     non-zero exit status, 4.5 to 5.9 s after the request (a timer of
//     5 s answers within milliseconds of it, even on a loaded machine; a
//     limit of 4 s or 6 s does not);
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
			return []string{"-allow", allowList}
		},
		Needs: []string{"echo", "cat", "dd", "sleep"},
		Scenarios: []Scenario{
			{
				Name: "echo-hello",
				Doc:  `["echo","hello"] is answered {"exit":0,"stdout":"hello\n","stderr":""}.`,
				Run: func(ctx context.Context, env *Env) error {
					return commandExchange(ctx, newSession(env), judgeStdout("hello\n"), "echo", "hello")
				},
			},
			{
				Name:  "exit-status",
				Local: true, // needs the checker's -allow list (and its files)
				Doc:   `["cat","/nonexistent-…"] is answered with "exit":1, the error message on stderr and nothing on stdout, and an allowed program that exists nowhere with {"error":…} or a non-zero exit; the connection goes on.`,
				Run: func(ctx context.Context, env *Env) error {
					l, err := newSession(env).dial(ctx)
					if err != nil {
						return err
					}
					defer l.close()
					return runSteps(ctx, l, []requestStep{
						{argv: []string{"cat", "/nonexistent-sockbook-check"}, judge: judgeCatFails},
						{argv: []string{missingProgram}, judge: judgeNotStarted},
						stillHereStep(),
					})
				},
			},
			{
				Name: "shell-metacharacters",
				Doc:  `Arguments holding ";", "$(…)", "|", quotes, "*" and double spaces reach echo unchanged: no shell reads them.`,
				Run:  shellMetacharacters,
			},
			{
				Name: "not-allowed",
				Doc:  `["sh",…], ["/bin/echo",…], ["rm",…] and ["sh"] alone are answered {"error":…} without running anything, and the connection goes on.`,
				Run:  notAllowed,
			},
			{
				Name:    "output-capped",
				Local:   true, // needs the checker's -allow list (and its files)
				Doc:     "3 MiB written by cat to stdout, then by dd to stderr, come back capped at their first 1 MiB, and the server goes on answering.",
				Timeout: 20 * time.Second,
				Run:     outputCapped,
			},
			{
				Name:    "time-limit",
				Local:   true, // needs the checker's -allow list (and its files)
				Doc:     `["sleep","30"] is stopped at the 5 s limit and answered with {"error":…} or a non-zero exit status; the connection goes on.`,
				Timeout: 12 * time.Second,
				Run:     timeLimit,
			},
			{
				Name: "chopped-1-byte",
				Doc:  "A request sent one byte per write, each byte read by the server before the next is sent, is answered as one request.",
				Run:  requestChopped,
			},
			{
				Name: "coalesced-requests",
				Doc:  "Two requests sent in one write are answered with two replies, in order.",
				Run:  requestsCoalesced,
			},
			{
				Name: "malformed-request",
				Doc:  `Broken JSON, a frame of length 0, an empty argv and an argv that is not a list are each answered {"error":…}, and the connection goes on.`,
				Run:  malformedRequests,
			},
			{
				Name: "cut-short-request",
				Doc:  `A client that half-closes in the middle of a request, or right after one, gets no answer to what it did not send (at most an {"error":…}) and sees the connection close; the next client is served.`,
				Run: func(ctx context.Context, env *Env) error {
					return requestThenNext(ctx, env, false)
				},
			},
			{
				Name: "reset-mid-request",
				Doc:  "A client that resets its connection (RST) in the middle of a request does not stop the server: the next client is served.",
				Run: func(ctx context.Context, env *Env) error {
					return requestThenNext(ctx, env, true)
				},
			},
			{
				Name: "oversize-frame",
				Doc:  "A request length of 1 GiB closes the connection without the server allocating it, and the next client is served.",
				Run:  oversizeRequest,
			},
		},
	})
}

// commandRequest is the frame that asks to run argv.
func commandRequest(argv ...string) []byte {
	body, err := json.Marshal(map[string][]string{"argv": argv})
	if err != nil {
		panic(err) // strings always encode
	}
	return encodeFrame(body)
}

// argvName names a request in a message.
func argvName(argv []string) string {
	b, _ := json.Marshal(argv)
	if len(b) > 80 {
		return string(b[:77]) + "…]"
	}
	return string(b)
}

// commandReply is a remote-cmd reply as the checker decodes it.
type commandReply struct {
	raw    []byte
	Exit   *int    `json:"exit"`
	Stdout *string `json:"stdout"`
	Stderr *string `json:"stderr"`
	Error  *string `json:"error"`
}

func (r commandReply) refused() bool { return r.Error != nil && *r.Error != "" }

func (r commandReply) stdout() string { return textOrEmpty(r.Stdout) }
func (r commandReply) stderr() string { return textOrEmpty(r.Stderr) }

func textOrEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// readCommandReply reads one reply frame, waiting at most wait for each piece.
func readCommandReply(ctx context.Context, l *link, what string, wait time.Duration) (commandReply, error) {
	head, err := l.readN(ctx, 4, wait)
	if err != nil {
		f := &Failure{What: what + ": no reply", Expected: "a reply frame", Got: errorText(err)}
		if len(head) > 0 {
			f.What = what + ": the reply frame stopped short"
			f.Got = fmt.Sprintf("%s, then %s", show(head), errorText(err))
		}
		return commandReply{}, f
	}
	n := binary.BigEndian.Uint32(head)
	if n > commandReplyLimit {
		return commandReply{}, &Failure{
			What:     fmt.Sprintf("%s: a reply frame of %d bytes", what, n),
			Expected: "a 4-byte big-endian length of a JSON reply, a few MiB at most",
			Got:      show(head),
		}
	}
	body, err := l.readN(ctx, int(n), wait)
	if err != nil {
		return commandReply{}, &Failure{
			What:     what + ": the reply frame stopped short",
			Expected: fmt.Sprintf("%d bytes, as its length said", n),
			Got:      fmt.Sprintf("%d bytes, then %s", len(body), errorText(err)),
		}
	}
	r := commandReply{raw: body}
	if err := json.Unmarshal(body, &r); err != nil {
		return commandReply{}, &Failure{
			What:     what + ": the reply is not the protocol's JSON",
			Expected: `{"exit":N,"stdout":"…","stderr":"…"} or {"error":"…"}`,
			Got:      show(body),
		}
	}
	return r, nil
}

// replyJudge checks the reply to one request; nil means it was right.
type replyJudge func(what string, r commandReply) error

// judgeRan checks that r says the command ran, and returns nil if so.
func judgeRan(what string, r commandReply) error {
	switch {
	case r.refused():
		return &Failure{What: what + ": not run", Expected: `{"exit":…,"stdout":…,"stderr":…}`, Got: show(r.raw)}
	case r.Exit == nil:
		return &Failure{What: what + `: the reply has no "exit"`, Expected: `{"exit":…,"stdout":…,"stderr":…}`, Got: show(r.raw)}
	}
	return nil
}

// judgeStdout judges a reply that must be exit 0 with this stdout and no
// stderr.
func judgeStdout(stdout string) replyJudge {
	want := fmt.Sprintf(`{"exit":0,"stdout":%q,"stderr":""}`, stdout)
	return func(what string, r commandReply) error {
		if err := judgeRan(what, r); err != nil {
			return err
		}
		if *r.Exit != 0 || r.stdout() != stdout || r.stderr() != "" {
			return &Failure{What: what + ": wrong reply", Expected: want, Got: show(r.raw)}
		}
		return nil
	}
}

func judgeCatFails(what string, r commandReply) error {
	if err := judgeRan(what, r); err != nil {
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

// judgeNotStarted judges the reply to a program that cannot be started:
// {"error":…}, or a non-zero exit status.
func judgeNotStarted(what string, r commandReply) error {
	if r.refused() || r.Exit != nil && *r.Exit != 0 {
		return nil
	}
	return &Failure{What: what + ": the reply does not say the program could not be started", Expected: `{"error":"…"} or a non-zero "exit"`, Got: show(r.raw)}
}

// judgeRefused judges a reply that must refuse to run the request.
func judgeRefused(what string, r commandReply) error {
	switch {
	case r.Exit != nil || r.Stdout != nil:
		return &Failure{What: what + ": it was run", Expected: `{"error":"…"}, and nothing run`, Got: show(r.raw)}
	case !r.refused():
		return &Failure{What: what + `: no "error" saying why it was refused`, Expected: `{"error":"…"}`, Got: show(r.raw)}
	}
	return nil
}

// requestStep is one request on a connection and how to judge its reply.
type requestStep struct {
	argv  []string // the request; nil when frame is given instead
	frame []byte   // a raw request frame, for malformed requests
	what  string   // names the request in a failure, for a raw frame
	judge replyJudge
	wait  time.Duration // for the reply; zero means replyWait
}

// runSteps sends each request on one connection and judges its reply
// before sending the next.
func runSteps(ctx context.Context, l *link, steps []requestStep) error {
	for _, st := range steps {
		frame, what := st.frame, st.what
		if frame == nil {
			frame, what = commandRequest(st.argv...), "the request "+argvName(st.argv)
		}
		wait := st.wait
		if wait == 0 {
			wait = replyWait
		}
		if err := l.write(ctx, frame); err != nil {
			return err
		}
		r, err := readCommandReply(ctx, l, what, wait)
		if err != nil {
			return err
		}
		if err := st.judge(what, r); err != nil {
			return err
		}
	}
	return nil
}

// stillHereStep is the request that shows the connection still works.
func stillHereStep() requestStep {
	return requestStep{argv: []string{"echo", "still here"}, judge: judgeStdout("still here\n")}
}

// commandExchange sends argv on a new connection and judges the reply.
func commandExchange(ctx context.Context, s *session, judge replyJudge, argv ...string) error {
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	return runSteps(ctx, l, []requestStep{{argv: argv, judge: judge}})
}

func shellMetacharacters(ctx context.Context, env *Env) error {
	args := []string{"hi; echo PWNED", "$(echo INJECTED)", "a|cat", "`echo x`", "*", "two  spaces", "&&", "'single'", `"double"`}
	argv := append([]string{"echo"}, args...)
	return commandExchange(ctx, newSession(env), judgeStdout(strings.Join(args, " ")+"\n"), argv...)
}

func notAllowed(ctx context.Context, env *Env) error {
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	return runSteps(ctx, l, []requestStep{
		{argv: []string{"sh", "-c", "echo PWNED"}, judge: judgeRefused},
		{argv: []string{"/bin/echo", "PWNED"}, judge: judgeRefused},
		{argv: []string{"rm", "-f", "sockbook-no-such-file"}, judge: judgeRefused},
		{argv: []string{"sh"}, judge: judgeRefused},
		stillHereStep(),
	})
}

// bigOutputFile returns what output-capped has cat and dd write: bigOutputSize
// bytes of numbered text lines. Text, because a JSON string of 1 MiB of
// NUL bytes is 6 MiB of "\u0000".
func bigOutputFile() []byte {
	// 4096 numbered lines, repeated: cheap to make, and a stream cut or
	// patched anywhere still differs from them.
	var block []byte
	for i := range 4096 {
		block = append(block, "output line "...)
		block = strconv.AppendInt(block, int64(i), 10)
		block = append(block, " of a command that writes too much\n"...)
	}
	return bytes.Repeat(block, bigOutputSize/len(block)+1)[:bigOutputSize]
}

// judgeCapped judges a reply whose stream (picked by pick) was sent all of
// full.
func judgeCapped(stream string, full []byte, pick func(commandReply) string) replyJudge {
	return func(what string, r commandReply) error {
		if err := judgeRan(what, r); err != nil {
			return err
		}
		out := pick(r)
		want := fmt.Sprintf("%s: the first 1 MiB (%d bytes) of the %d bytes written, or at least the first %d", stream, outputCap, len(full), outputFloor)
		got := fmt.Sprintf("%s of %d bytes", stream, len(out))
		switch {
		case len(out) > outputCap:
			return &Failure{What: what + ": " + stream + " is not capped", Expected: want, Got: got}
		case len(out) < outputFloor:
			return &Failure{What: what + ": " + stream + " lost output under the cap", Expected: want, Got: got}
		case !bytes.HasPrefix(full, []byte(out)):
			f := compare(what+": "+stream, full[:len(out)], []byte(out))
			f.What = strings.Replace(f.What, "wrong reply", "not what was written", 1)
			return f
		}
		return nil
	}
}

func outputCapped(ctx context.Context, env *Env) error {
	full := bigOutputFile()
	path := filepath.Join(env.Dir, "big-output.txt")
	if err := os.WriteFile(path, full, 0o644); err != nil {
		return fmt.Errorf("remote-cmd: %w", err)
	}
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	return runSteps(ctx, l, []requestStep{
		{
			argv:  []string{"cat", path},
			judge: judgeCapped("stdout", full, commandReply.stdout),
			wait:  bigOutputWait,
		},
		{
			argv:  []string{"dd", "if=" + path, "of=/dev/stderr", "bs=65536"},
			judge: judgeCapped("stderr", full, commandReply.stderr),
			wait:  bigOutputWait,
		},
		stillHereStep(),
	})
}

func timeLimit(ctx context.Context, env *Env) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	argv := []string{"sleep", "30"}
	what := "the request " + argvName(argv)
	if err := l.write(ctx, commandRequest(argv...)); err != nil {
		return err
	}
	start := time.Now()
	r, err := readCommandReply(ctx, l, what, timeLimitLatest)
	took := time.Since(start).Round(100 * time.Millisecond)
	want := fmt.Sprintf(`{"error":"…"} or a non-zero "exit", after the %v limit (%v to %v)`, commandTimeLimit, timeLimitEarliest, timeLimitLatest)
	switch {
	case err != nil && time.Since(start) >= timeLimitLatest:
		return &Failure{What: what + ": the command was not stopped at the time limit", Expected: want, Got: fmt.Sprintf("no reply within %v", timeLimitLatest)}
	case err != nil:
		return err
	case took < timeLimitEarliest:
		return &Failure{What: what + ": answered before the time limit", Expected: want, Got: fmt.Sprintf("%s after %v", show(r.raw), took)}
	case !r.refused() && (r.Exit == nil || *r.Exit == 0):
		return &Failure{What: what + ": the reply does not say the command was stopped", Expected: want, Got: show(r.raw)}
	}
	s.log(event.Event{Kind: event.Note, Conn: l.n, Text: fmt.Sprintf("answered after %v", took)})
	return runSteps(ctx, l, []requestStep{stillHereStep()})
}

func requestChopped(ctx context.Context, env *Env) error {
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	argv := []string{"echo", "in", "pieces"}
	if err := l.writeChopped(ctx, commandRequest(argv...)); err != nil {
		return err
	}
	what := "the request " + argvName(argv) + " sent one byte per write"
	r, err := readCommandReply(ctx, l, what, replyWait)
	if err != nil {
		return err
	}
	return judgeStdout("in pieces\n")(what, r)
}

func requestsCoalesced(ctx context.Context, env *Env) error {
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	if err := l.write(ctx, append(commandRequest("echo", "one"), commandRequest("echo", "two")...)); err != nil {
		return err
	}
	for _, word := range []string{"one", "two"} {
		what := fmt.Sprintf(`the request ["echo",%q], sent in one write with another`, word)
		r, err := readCommandReply(ctx, l, what, replyWait)
		if err != nil {
			return err
		}
		if err := judgeStdout(word+"\n")(what, r); err != nil {
			return err
		}
	}
	return nil
}

func malformedRequests(ctx context.Context, env *Env) error {
	l, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer l.close()
	var steps []requestStep
	for _, body := range []string{`{"argv":["echo",`, ``, `{"argv":[]}`, `{"argv":"echo hi"}`, `not json`} {
		steps = append(steps, requestStep{frame: encodeFrame([]byte(body)), what: "the request " + show([]byte(body)), judge: judgeRefused})
	}
	return runSteps(ctx, l, append(steps, stillHereStep()))
}

// requestThenNext sends a whole request and, once it is answered, the
// start of another, then half-closes (or resets) the connection, and
// checks that the next client is served. The unfinished request is valid
// JSON as far as it goes (its frame announces spaces after it): a server
// that runs what it got of a request has run a request cut short. After a
// half-close it also checks, on a second connection, that a half-close
// right after an answered request gets nothing more.
func requestThenNext(ctx context.Context, env *Env, reset bool) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	if err := runSteps(ctx, l, []requestStep{{argv: []string{"echo", "whole"}, judge: judgeStdout("whole\n")}}); err != nil {
		l.close()
		return err
	}
	body := []byte(`{"argv":["echo","cut short"]}`)
	frame := encodeFrame(append(body, bytes.Repeat([]byte(" "), 32)...))
	if err := l.write(ctx, frame[:4+len(body)]); err != nil {
		l.close()
		return err
	}
	l.waitConsumed(ctx)
	if reset {
		if err := l.resetAndSettle(ctx); err != nil {
			return err
		}
		return commandExchange(ctx, s, judgeStdout("still here\n"), "echo", "still here")
	}
	if err := halfCloseAfterRequests(ctx, l, "a request cut short by the client's half-close"); err != nil {
		return err
	}
	// A half-close between two requests: nothing is left to answer.
	if l, err = s.dial(ctx); err != nil {
		return err
	}
	if err := runSteps(ctx, l, []requestStep{{argv: []string{"echo", "last"}, judge: judgeStdout("last\n")}}); err != nil {
		l.close()
		return err
	}
	if err := halfCloseAfterRequests(ctx, l, "a half-close after a whole request, answered"); err != nil {
		return err
	}
	return commandExchange(ctx, s, judgeStdout("still here\n"), "echo", "still here")
}

// halfCloseAfterRequests half-closes l and expects the server to close
// its end, after at most an {"error":…} frame; then closes l.
func halfCloseAfterRequests(ctx context.Context, l *link, what string) error {
	defer l.close()
	if err := l.closeWrite(); err != nil {
		return err
	}
	return expectClosedAfterRefusal(ctx, l, what)
}

// expectClosedAfterRefusal reads until the server closes the connection,
// and accepts nothing, or one {"error":…} frame, before the close. It
// stops reading at 64 KiB: no refusal is that long.
func expectClosedAfterRefusal(ctx context.Context, l *link, what string) error {
	const most = 64 << 10
	var got []byte
	buf := make([]byte, 4096)
	for {
		n, err := l.read(ctx, buf, closeWait)
		got = append(got, buf[:n]...)
		switch {
		case len(got) > most:
			return &Failure{What: what + ": the server kept sending", Expected: `the connection closed, after at most an {"error":…} frame`, Got: fmt.Sprintf("more than %d bytes: %s", most, show(got))}
		case closedByPeer(err) && len(got) > 0 && !isOneRefusal(got):
			return &Failure{What: what + ": a reply other than an error", Expected: `the connection closed, after at most an {"error":…} frame`, Got: show(got)}
		case closedByPeer(err):
			return nil
		case err != nil:
			return &Failure{What: what + ": the connection stayed open", Expected: "the connection closed", Got: fmt.Sprintf("%s, then %s", show(got), errorText(err))}
		}
	}
}

func oversizeRequest(ctx context.Context, env *Env) error {
	s := newSession(env)
	l, err := s.dial(ctx)
	if err != nil {
		return err
	}
	before, vmErr := int64(0), fmt.Errorf("not measured")
	if env.ServerVM != nil {
		before, vmErr = env.ServerVM()
	}
	if err := l.write(ctx, binary.BigEndian.AppendUint32(nil, hugeRequestLength)); err != nil {
		l.close()
		return err
	}
	what := "a request length of 1 GiB"
	err = expectClosedAfterRefusal(ctx, l, what)
	l.close()
	if err != nil {
		return err
	}
	if vmErr == nil {
		if after, err := env.ServerVM(); err == nil && after-before > requestVMGrowth {
			return &Failure{
				What:     what + ": the server allocated it",
				Expected: "no allocation for a request over the limit",
				Got:      fmt.Sprintf("the server's memory grew by %d MiB", (after-before)>>20),
			}
		}
	}
	return commandExchange(ctx, s, judgeStdout("still here\n"), "echo", "still here")
}

// isOneRefusal reports whether b is exactly one {"error":…} frame.
func isOneRefusal(b []byte) bool {
	if len(b) < 4 || int(binary.BigEndian.Uint32(b)) != len(b)-4 {
		return false
	}
	var r commandReply
	return json.Unmarshal(bytes.TrimSpace(b[4:]), &r) == nil && r.refused() && r.Exit == nil
}
