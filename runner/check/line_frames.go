package check

import (
	"bytes"
	"context"
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
				Name: "cut-short-line",
				Doc:  "A client that closes in the middle of a line does not stop the server: the next client is served.",
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

// lineThenNext sends part of a line, then closes (or resets) the
// connection, and checks that the next client is served.
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
		c.finish(ctx)
	}
	return lineExchange(ctx, s, []string{"next client"})
}
