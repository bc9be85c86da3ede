package check

import (
	"bytes"
	"context"
	"fmt"
)

// echoUpper checks the loops exercise: serve clients one after another for
// ever, echo every byte ASCII-uppercased until the client closes, survive
// a client that resets or sends nothing.
func echoUpper() Exercise {
	return Exercise{
		ID:        "echo-upper",
		Chapter:   "loops",
		Title:     "An uppercase echo for one client after another",
		Role:      ServerRole,
		Network:   "tcp",
		Scenarios: echoScenarios(),
	}
}

// echoScenarios are the scenarios of the echo-upper protocol, which
// echo-concurrent shares.
func echoScenarios() []Scenario {
	return []Scenario{
		{
			Name: "echo-text",
			Doc:  "The server echoes a line of text uppercased and closes the connection after the client closes its side.",
			Run:  echoText,
		},
		{
			Name: "echo-before-close",
			Doc:  "The server echoes each piece as it arrives, while the client keeps the connection open and waits.",
			Run:  echoBeforeClose,
		},
		{
			Name: "chopped-1-byte",
			Doc:  "Text sent one byte per write, spaces and newlines too, each byte read by the server before the next is sent, is echoed whole.",
			Run: func(ctx context.Context, env *Env) error {
				c, err := newSession(env).dial(ctx)
				if err != nil {
					return err
				}
				defer c.close()
				msg := []byte("one byte at a time:\n a b \r\n\tc\n\n")
				if err := c.writeChopped(ctx, msg); err != nil {
					return err
				}
				if err := c.closeWrite(); err != nil {
					return err
				}
				return c.expect(ctx, "the echo of text sent one byte per write", upperASCII(msg), true)
			},
		},
		{
			Name: "only-ascii-letters",
			Doc:  "Of all 256 byte values and some UTF-8 text, only a-z change (to A-Z); every other byte comes back as it was.",
			Run: func(ctx context.Context, env *Env) error {
				payload := make([]byte, 256)
				for i := range payload {
					payload[i] = byte(i)
				}
				payload = append(payload, " héllo wörld, ß and ÿ"...)
				return echoServed(ctx, newSession(env), "the echo of all byte values", payload)
			},
		},
		{
			Name: "large-stream",
			Doc:  "The server echoes 256 KiB, with a 100 000-byte stretch without newline, while the client is still sending.",
			Run:  echoLargeStream,
		},
		{
			Name: "silent-client",
			Doc:  "A client that connects and closes its side without sending anything sees the server close too, and the next client is served.",
			Run: func(ctx context.Context, env *Env) error {
				s := newSession(env)
				c, err := s.dial(ctx)
				if err != nil {
					return err
				}
				if !c.finish(ctx) {
					return &Failure{
						What:     "the server kept the connection of a silent client open after it closed its side",
						Expected: "end of stream",
						Got:      fmt.Sprintf("no close within %v", closeWait),
					}
				}
				return echoServed(ctx, s, "the next client's echo", []byte("after a silent client\n"))
			},
		},
		{
			Name: "reset-client",
			Doc:  "A client that resets its connection (RST) after an exchange does not stop the server: the next client is served.",
			Run: func(ctx context.Context, env *Env) error {
				s := newSession(env)
				c, err := s.dial(ctx)
				if err != nil {
					return err
				}
				if err := c.write(ctx, []byte("abc")); err != nil {
					c.close()
					return err
				}
				// Waiting for the echo first means the server is reading
				// when the reset comes, and sees it as a read error. (A
				// write into a reset connection fails instead, and the
				// read after it sees a plain end of stream.)
				if err := c.expect(ctx, "the echo before the reset", []byte("ABC"), false); err != nil {
					c.close()
					return err
				}
				if err := c.resetAndSettle(ctx); err != nil {
					return err
				}
				return echoServed(ctx, s, "the next client's echo", []byte("after a reset\n"))
			},
		},
		{
			Name: "clients-in-turn",
			Doc:  "Three clients, one after another, are each served in full.",
			Run: func(ctx context.Context, env *Env) error {
				s := newSession(env)
				for i := range 3 {
					msg := fmt.Appendf(nil, "client number %d of 3\n", i+1)
					if err := echoServed(ctx, s, fmt.Sprintf("client %d's echo", i+1), msg); err != nil {
						return err
					}
				}
				return nil
			},
		},
	}
}

// upperASCII is the echo the protocol asks for: a-z uppercased, every
// other byte as it was.
func upperASCII(b []byte) []byte {
	out := bytes.Clone(b)
	for i, c := range out {
		if 'a' <= c && c <= 'z' {
			out[i] = c - 'a' + 'A'
		}
	}
	return out
}

// echoServed sends payload on a new connection, half-closes it and
// expects the uppercased echo. It does not insist on the close that
// follows; echo-text does.
func echoServed(ctx context.Context, s *session, what string, payload []byte) error {
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	if err := c.write(ctx, payload); err != nil {
		return err
	}
	if err := c.closeWrite(); err != nil {
		return err
	}
	return c.expect(ctx, what, upperASCII(payload), true)
}

func echoText(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	msg := []byte("Hello, sockets! Say it louder: 123\n")
	want := upperASCII(msg)
	if err := c.write(ctx, msg); err != nil {
		return err
	}
	if err := c.closeWrite(); err != nil {
		return err
	}
	got, err := c.readAll(ctx, 4*len(want), closeWait)
	if err != nil && !isTimeout(err) {
		return shortReply("the echo", want, got, err)
	}
	if !bytes.Equal(got, want) {
		if len(got) < len(want) {
			return shortReply("the echo", want, got, err)
		}
		return compare("the echo", want, got)
	}
	if err != nil {
		return &Failure{
			What:     "the server kept the connection open after the client closed its side",
			Expected: "end of stream after the echo",
			Got:      fmt.Sprintf("no close within %v", closeWait),
		}
	}
	return nil
}

func echoBeforeClose(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	for _, msg := range []string{"ping", "and now a longer piece, still no newline"} {
		if err := c.write(ctx, []byte(msg)); err != nil {
			return err
		}
		what := fmt.Sprintf("the echo of %q, with the connection still open", msg)
		if err := c.expect(ctx, what, upperASCII([]byte(msg)), false); err != nil {
			return err
		}
	}
	return nil
}

// largeStream is the payload of large-stream: lowercase text in lines of
// varied length, one stretch of 100 000 bytes without a newline, and no
// newline at the end.
func largeStream() []byte {
	const size = 256 << 10
	b := make([]byte, 0, size)
	word := []byte("the quick brown fox jumps over the lazy dog 0123456789 ")
	for i := 0; len(b) < size; i++ {
		switch {
		case len(b) >= 50_000 && len(b) < 150_000:
			b = append(b, word...) // the long stretch
		case i%7 == 6:
			b = append(b, '\n')
		default:
			b = append(b, word[:1+i%len(word)]...)
		}
	}
	b = b[:size]
	if b[size-1] == '\n' {
		b[size-1] = 'x'
	}
	return b
}

func echoLargeStream(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	payload := largeStream()
	// Write and read at the same time: a server that echoes as it reads
	// fills the checker's receive buffer long before the payload is sent.
	sent := make(chan error, 1)
	go func() {
		const piece = 16 << 10
		for i := 0; i < len(payload); i += piece {
			if err := c.write(ctx, payload[i:min(i+piece, len(payload))]); err != nil {
				sent <- err
				return
			}
		}
		sent <- c.closeWrite()
	}()
	err = c.expect(ctx, "the echo of 256 KiB", upperASCII(payload), false)
	if err != nil {
		c.close() // unblocks the writer if the server stopped reading
	}
	// With the whole echo in, the writer has sent everything and is at
	// most half-closing: wait for it before closing.
	if werr := <-sent; err == nil {
		err = werr
	}
	c.close()
	return err
}
