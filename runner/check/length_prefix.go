package check

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"time"
)

const (
	// maxPrefixFrame is length-prefix's largest payload.
	maxPrefixFrame = 16 << 20
	// rssGrowth and vmGrowth bound how much the server's memory may grow
	// while it refuses a 4 GiB length: a few MiB of noise, far below what
	// reading or allocating the frame would take.
	rssGrowth = 8 << 20
	vmGrowth  = 256 << 20
)

// lengthPrefix checks the headers exercise: a frame is a 4-byte
// big-endian length N then N bytes; each is answered with a frame holding
// the payload's SHA-256; N = 0 is valid; N > 16 MiB closes the connection
// without reading or allocating, and the server goes on serving.
func lengthPrefix() Exercise {
	return Exercise{
		ID:      "length-prefix",
		Chapter: "headers",
		Title:   "Length-prefixed frames",
		Role:    ServerRole,
		Network: "tcp",
		Scenarios: []Scenario{
			{
				Name: "one-frame",
				Doc:  "A frame is answered with a frame of 32 bytes: the SHA-256 of its payload; then a second one on the same connection.",
				Run: func(ctx context.Context, env *Env) error {
					return frameExchange(ctx, newSession(env), []byte("hello, frames"), pattern(1000))
				},
			},
			{
				Name: "empty-frame",
				Doc:  "A frame of length 0 is valid and answered with the SHA-256 of nothing.",
				Run: func(ctx context.Context, env *Env) error {
					return frameExchange(ctx, newSession(env), []byte{}, []byte("after the empty one"))
				},
			},
			{
				Name: "chopped-1-byte",
				Doc:  "Frames sent one byte per write, header included, each byte read by the server before the next is sent, are answered whole.",
				Run:  frameChopped,
			},
			{
				Name: "coalesced",
				Doc:  "40 frames sent in one write are answered with 40 digests, in order.",
				Run:  frameCoalesced,
			},
			{
				Name:    "largest-frame",
				Doc:     "A frame of exactly 16 MiB is allowed and answered, though it arrives in many reads.",
				Timeout: 10 * time.Second,
				Run:     frameLargest,
			},
			{
				Name: "one-past-limit",
				Doc:  "A header announcing 16 MiB + 1 bytes closes the connection at once, without the payload being sent; the next client is served.",
				Run: func(ctx context.Context, env *Env) error {
					return frameRefused(ctx, env, maxPrefixFrame+1, false)
				},
			},
			{
				Name: "huge-length",
				Doc:  "A header announcing 4 GiB - 1 bytes closes the connection at once, without the server's memory growing; the next client is served.",
				Run: func(ctx context.Context, env *Env) error {
					return frameRefused(ctx, env, 1<<32-1, true)
				},
			},
			{
				Name: "cut-short-frame",
				Doc:  "A client that half-closes in the middle of a payload, or right after a frame, gets no answer to what it did not send and sees the connection close; the next client is served.",
				Run: func(ctx context.Context, env *Env) error {
					return frameThenNext(ctx, env, false)
				},
			},
			{
				Name: "reset-mid-frame",
				Doc:  "A client that resets its connection (RST) in the middle of a payload does not stop the server: the next client is served.",
				Run: func(ctx context.Context, env *Env) error {
					return frameThenNext(ctx, env, true)
				},
			},
		},
	}
}

// pattern returns n bytes of varied content.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i>>8)
	}
	return b
}

// encodeFrame is payload as a frame.
func encodeFrame(payload []byte) []byte {
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(payload))), payload...)
}

// digestFrame is the answer to a frame holding payload.
func digestFrame(payload []byte) []byte {
	sum := sha256.Sum256(payload)
	return encodeFrame(sum[:])
}

// frameName names a frame in a message.
func frameName(payload []byte) string {
	if len(payload) == 0 {
		return "the empty frame (length 0)"
	}
	if len(payload) <= 24 {
		return fmt.Sprintf("the frame %s (%d bytes)", show(payload), len(payload))
	}
	return fmt.Sprintf("the frame of %d bytes", len(payload))
}

// frameExchange sends each payload as a frame on one new connection and
// waits for its answer before sending the next.
func frameExchange(ctx context.Context, s *session, payloads ...[]byte) error {
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	for i, p := range payloads {
		if err := c.write(ctx, encodeFrame(p)); err != nil {
			return err
		}
		if err := c.expect(ctx, "the answer to "+frameName(p), digestFrame(p), i == len(payloads)-1); err != nil {
			return err
		}
	}
	return nil
}

func frameChopped(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	payloads := [][]byte{[]byte("chop"), []byte("into single bytes")}
	var stream, answers []byte
	for _, p := range payloads {
		stream = append(stream, encodeFrame(p)...)
		answers = append(answers, digestFrame(p)...)
	}
	if err := c.writeChopped(ctx, stream); err != nil {
		return err
	}
	return c.expect(ctx, "the answers to two frames sent byte by byte", answers, true)
}

func frameCoalesced(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	var stream, answers []byte
	for i := range 40 {
		p := pattern(1 + i*13)
		stream = append(stream, encodeFrame(p)...)
		answers = append(answers, digestFrame(p)...)
	}
	if err := c.write(ctx, stream); err != nil {
		return err
	}
	return c.expect(ctx, "the answers to 40 frames sent in one write", answers, true)
}

func frameLargest(ctx context.Context, env *Env) error {
	c, err := newSession(env).dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	p := pattern(maxPrefixFrame)
	frame := encodeFrame(p)
	// The header and one byte first, read by the server before the rest
	// goes out: the payload cannot come in one read.
	if err := c.write(ctx, frame[:5]); err != nil {
		return err
	}
	c.waitConsumed(ctx)
	if err := c.write(ctx, frame[5:]); err != nil {
		return err
	}
	return c.expect(ctx, "the answer to the frame of 16 MiB", digestFrame(p), true)
}

// frameRefused sends only the header of a frame of n bytes and expects the
// connection to close, then the next client to be served. With memory, it
// also checks the server's memory did not grow by anything like n.
func frameRefused(ctx context.Context, env *Env, n uint32, memory bool) error {
	s := newSession(env)
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	// A frame first, so that the server is surely serving this connection
	// and done with starting up when its memory is measured.
	if err := c.write(ctx, encodeFrame([]byte("warm-up"))); err != nil {
		return err
	}
	if err := c.expect(ctx, `the answer to the frame "warm-up"`, digestFrame([]byte("warm-up")), false); err != nil {
		return err
	}
	var before memoryUse
	if memory {
		before = measureMemory(env)
	}
	if err := c.write(ctx, binary.BigEndian.AppendUint32(nil, n)); err != nil {
		return err
	}
	if err := c.expectClosed(ctx, fmt.Sprintf("to a header announcing %d bytes, over the 16 MiB limit", n)); err != nil {
		return err
	}
	if memory {
		if err := before.grewBy(measureMemory(env), fmt.Sprintf("a header announcing %d bytes", n)); err != nil {
			return err
		}
	}
	c.close()
	return frameExchange(ctx, s, []byte("next client"))
}

// memoryUse is the server's memory at one moment; a field is -1 when the
// runner cannot tell.
type memoryUse struct{ rss, vm int64 }

func measureMemory(env *Env) memoryUse {
	m := memoryUse{-1, -1}
	if env.ServerRSS != nil {
		if v, err := env.ServerRSS(); err == nil {
			m.rss = v
		}
	}
	if env.ServerVM != nil {
		if v, err := env.ServerVM(); err == nil {
			m.vm = v
		}
	}
	return m
}

// grewBy fails when memory grew by more than the noise allows between m
// and later, while the server refused what names.
func (m memoryUse) grewBy(later memoryUse, what string) error {
	check := func(kind string, before, after, limit int64) error {
		if before < 0 || after < 0 || after-before <= limit {
			return nil
		}
		return &Failure{
			What:     fmt.Sprintf("the server's %s grew by %d MiB on %s", kind, (after-before)>>20, what),
			Expected: fmt.Sprintf("growth under %d MiB: the length checked before anything is kept", limit>>20),
			Got:      fmt.Sprintf("%d MiB, then %d MiB", before>>20, after>>20),
		}
	}
	if err := check("resident memory", m.rss, later.rss, rssGrowth); err != nil {
		return err
	}
	return check("allocated memory", m.vm, later.vm, vmGrowth)
}

// frameThenNext sends a frame, then part of another, then half-closes (or
// resets) the connection, and checks that the next client is served.
// After a half-close the unfinished frame must get no answer; and on a
// second connection, a half-close right after a whole frame must get
// nothing more than that frame's answer.
func frameThenNext(ctx context.Context, env *Env, reset bool) error {
	s := newSession(env)
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	first := []byte("a whole frame")
	cut := encodeFrame(pattern(100))[:4+10]
	if err := c.write(ctx, append(encodeFrame(first), cut...)); err != nil {
		c.close()
		return err
	}
	if err := c.expect(ctx, "the answer to "+frameName(first), digestFrame(first), false); err != nil {
		c.close()
		return err
	}
	if reset {
		if err := c.resetAndSettle(ctx); err != nil {
			return err
		}
		return frameExchange(ctx, s, []byte("next client"))
	}
	if err := halfCloseQuietly(ctx, c, "to the unfinished frame (10 of its 100 bytes), after the client's half-close"); err != nil {
		return err
	}
	if c, err = s.dial(ctx); err != nil {
		return err
	}
	last := []byte("the last frame")
	if err := c.write(ctx, encodeFrame(last)); err != nil {
		c.close()
		return err
	}
	if err := c.expect(ctx, "the answer to "+frameName(last), digestFrame(last), false); err != nil {
		c.close()
		return err
	}
	if err := halfCloseQuietly(ctx, c, "after the answer to the last frame, when the client half-closed"); err != nil {
		return err
	}
	return frameExchange(ctx, s, []byte("next client"))
}

// halfCloseQuietly half-closes c and expects the server to close its end
// too, sending nothing more; then closes c.
func halfCloseQuietly(ctx context.Context, c *link, why string) error {
	defer c.close()
	if err := c.closeWrite(); err != nil {
		return err
	}
	return c.expectClosed(ctx, why)
}
