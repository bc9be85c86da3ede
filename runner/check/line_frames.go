package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
)

// maxLineFrame is line-frames' longest line, in bytes without the "\n".
const maxLineFrame = 65536

// lineFrames checks the sticky exercise: for each line the server replies
// with its length in bytes and "\n"; a line longer than 65536 bytes closes
// the connection, and the server goes on serving.
func lineFrames() Exercise {
	return Exercise{
		ID:      "line-frames",
		Chapter: "sticky",
		Title:   "Lines as messages",
		Role:    ServerRole,
		Network: "tcp",
		Scenarios: []Scenario{
			{
				Name: "few-lines",
				Doc:  "Each line is answered with its length in bytes, before the next is sent; UTF-8 letters count as their bytes.",
				Run: func(ctx context.Context, env *Env) error {
					return lineExchange(ctx, newSession(env), []string{"hello", "héllo, wörld", "a b c", "tab\there"})
				},
			},
			{
				Name: "empty-line",
				Doc:  `An empty line is a message of 0 bytes: "\n" is answered "0\n".`,
				Run: func(ctx context.Context, env *Env) error {
					return lineExchange(ctx, newSession(env), []string{"", "x", ""})
				},
			},
			{
				Name: "chopped-1-byte",
				Doc:  "Lines sent one byte per write, each byte read by the server before the next is sent, are answered as whole lines.",
				Run:  lineChopped,
			},
			{
				Name: "coalesced",
				Doc:  "200 lines sent in one write are answered with 200 lengths, in order.",
				Run:  lineCoalesced,
			},
			{
				Name: "longest-line",
				Doc:  `A line of exactly 65536 bytes is allowed and answered "65536\n"; the connection goes on.`,
				Run: func(ctx context.Context, env *Env) error {
					long := string(bytes.Repeat([]byte("L"), maxLineFrame))
					return lineExchange(ctx, newSession(env), []string{long, "still here"})
				},
			},
			{
				Name: "too-long-line",
				Doc:  "A line of 65537 bytes gets no answer and its connection is closed; the next client is served.",
				Run:  lineTooLong,
			},
			{
				Name: "endless-line",
				Doc:  "A line that never ends closes its connection once it is past 65536 bytes, without the server's memory growing with it; the next client is served.",
				Run:  lineEndless,
			},
			{
				Name: "raw-bytes",
				Doc:  `Lines holding NUL, bytes that are not UTF-8, spaces at both ends and a "\r" before the "\n" are answered with their length in bytes, every byte counted.`,
				Run: func(ctx context.Context, env *Env) error {
					return lineExchange(ctx, newSession(env), []string{"\x00\xff\xfe", "caf\xe9", " spaces around ", "crlf\r", "\r", "\t"})
				},
			},
			{
				Name: "cut-short-line",
				Doc:  "A client that half-closes in the middle of a line gets no answer to the unfinished line and sees the connection close; the next client is served.",
				Run: func(ctx context.Context, env *Env) error {
					return lineThenNext(ctx, env, false)
				},
			},
			{
				Name: "reset-mid-line",
				Doc:  "A client that resets its connection (RST) in the middle of a line does not stop the server: the next client is served.",
				Run: func(ctx context.Context, env *Env) error {
					return lineThenNext(ctx, env, true)
				},
			},
		},
	}
}

// lineReply is the answer to one line.
func lineReply(line string) []byte { return []byte(strconv.Itoa(len(line)) + "\n") }

// lineName names a line in a message.
func lineName(line string) string {
	if len(line) > 40 {
		return fmt.Sprintf("the line of %d bytes", len(line))
	}
	return "the line " + strconv.Quote(line)
}

// lineExchange sends each line on one new connection and waits for its
// answer before sending the next.
func lineExchange(ctx context.Context, s *session, lines []string) error {
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	for i, line := range lines {
		if err := c.write(ctx, []byte(line+"\n")); err != nil {
			return err
		}
		// After the last line, listen a little longer: a server that
		// answers one line twice, or answers part of a line, shows.
		if err := c.expect(ctx, "the answer to "+lineName(line), lineReply(line), i == len(lines)-1); err != nil {
			return err
		}
	}
	return nil
}

// lineAnswers is what a list of lines must be answered with, all together.
func lineAnswers(lines []string) (stream, answers []byte) {
	for _, line := range lines {
		stream = append(stream, line...)
		stream = append(stream, '\n')
		answers = append(answers, lineReply(line)...)
	}
	return stream, answers
}

func lineChopped(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	lines := []string{"chop", "", "into bytes"}
	stream, answers := lineAnswers(lines)
	if err := c.writeChopped(ctx, stream); err != nil {
		return err
	}
	return c.expect(ctx, fmt.Sprintf("the answers to %q sent byte by byte", lines), answers, true)
}

func lineCoalesced(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	var lines []string
	for i := range 200 {
		lines = append(lines, string(bytes.Repeat([]byte{'a' + byte(i%26)}, i%37)))
	}
	stream, answers := lineAnswers(lines)
	if err := c.write(ctx, stream); err != nil {
		return err
	}
	return c.expect(ctx, "the answers to 200 lines sent in one write", answers, true)
}

func lineTooLong(ctx context.Context, env *Env) error {
	s := newSession(env)
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	line := append(bytes.Repeat([]byte("T"), maxLineFrame+1), '\n')
	// A server that closes early makes this write fail: that is fine.
	c.write(ctx, line)
	if err := c.expectClosed(ctx, "to a line of 65537 bytes"); err != nil {
		return err
	}
	c.close()
	return lineExchange(ctx, s, []string{"next client"})
}

// endlessLine is the most the checker sends of a line without end: far
// more than a server that keeps the line in memory can hide.
const endlessLine = 64 << 20

// lineEndless sends a line that never ends, 1 MiB per write, until the
// server closes the connection, and checks the server's memory did not
// grow with it; then that the next client is served. A server that reads
// until "\n" before it looks at the length keeps reading, and keeping.
func lineEndless(ctx context.Context, env *Env) error {
	s := newSession(env)
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	// A line first, so that the server is surely serving this connection
	// and done with starting up when its memory is measured.
	if err := c.write(ctx, []byte("warm-up\n")); err != nil {
		return err
	}
	if err := c.expect(ctx, `the answer to the line "warm-up"`, lineReply("warm-up"), false); err != nil {
		return err
	}
	before := measureMemory(env)
	sent, closed, err := c.flood(ctx, bytes.Repeat([]byte("E"), 1<<20), endlessLine)
	if err != nil {
		return err
	}
	grew := before.grewBy(measureMemory(env), "a line without end")
	if !closed {
		f := &Failure{
			What:     fmt.Sprintf("the server read %d MiB of a line without end and kept the connection open", sent>>20),
			Expected: "the connection closed once the line was past 65536 bytes, without waiting for its \"\\n\"",
			Got:      "no close",
		}
		var memory *Failure
		if errors.As(grew, &memory) {
			f.Got += "; " + memory.What
		}
		return f
	}
	if grew != nil {
		return grew
	}
	c.close()
	return lineExchange(ctx, s, []string{"next client"})
}

// lineThenNext sends part of a line, then half-closes (or resets) the
// connection, and checks that the next client is served. After a
// half-close the unfinished line must get no answer: it is no message.
func lineThenNext(ctx context.Context, env *Env, reset bool) error {
	s := newSession(env)
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	if err := c.write(ctx, []byte("first line\nthen half a li")); err != nil {
		c.close()
		return err
	}
	if err := c.expect(ctx, `the answer to the line "first line"`, lineReply("first line"), false); err != nil {
		c.close()
		return err
	}
	if reset {
		if err := c.resetAndSettle(ctx); err != nil {
			return err
		}
	} else {
		if err := halfCloseQuietly(ctx, c, `to the unfinished line "then half a li", after the client's half-close`); err != nil {
			return err
		}
	}
	return lineExchange(ctx, s, []string{"next client"})
}
