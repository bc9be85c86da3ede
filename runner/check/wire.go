package check

// The checker's side of the wire, shared by the scenarios: connections
// that log every call, reads bounded by deadlines taken from the context,
// writes chopped so that the server is sure to see the pieces, and
// failures that show bytes readably.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"time"

	"sockbook/runner/event"

	"sockbook/runner/sockdiag"
)

// How long the checker waits for things a correct program does at once.
// A program that fails waits these out, so they are short; a correct one
// answers within milliseconds, so they are generous.
const (
	// replyWait bounds the wait for an answer to something just sent.
	replyWait = 2 * time.Second
	// closeWait bounds the wait for the server to close a connection.
	closeWait = 2 * time.Second
	// settleWait is how long the checker listens for bytes after it has
	// all it expected, to catch a program that sends too much.
	settleWait = 100 * time.Millisecond
	// consumeWait bounds the wait for the server to read what was sent
	// before the next piece of a chopped write goes out.
	consumeWait = time.Second
	// resetSettle is how long the checker waits after resetting a
	// connection, for a server that dies of it to show that it did: a
	// reset leaves nothing on the wire to wait on.
	resetSettle = 300 * time.Millisecond
	// choppedPause separates the pieces of a chopped write where the
	// server's receive queue cannot be seen.
	choppedPause = 5 * time.Millisecond
)

// session is the checker's side of one scenario: it numbers the
// connections it makes and logs what it does to env.Log.
type session struct {
	env   *Env
	conns int
}

func newSession(env *Env) *session { return &session{env: env} }

func (s *session) log(e event.Event) {
	if s.env.Log == nil {
		return
	}
	e.Time = event.Now()
	e.Side = event.Client
	s.env.Log(e)
}

// link is one TCP connection from the checker to the learner's server.
type link struct {
	s    *session
	c    *net.TCPConn
	n    int
	stop func() bool // stops the context watch
}

// dial connects to the learner's server. Failing to connect is the
// program's failure.
func (s *session) dial(ctx context.Context) (*link, error) {
	d := net.Dialer{Timeout: replyWait}
	c, err := d.DialContext(ctx, "tcp", s.env.Addr)
	// A reset in answer to connecting is not the listening server's doing:
	// the kernel sends it when the new connection happens to reuse the
	// ports of an old one still in TIME_WAIT. Another try picks new ports.
	for try := 0; try < 3 && event.IsReset(err); try++ {
		c, err = d.DialContext(ctx, "tcp", s.env.Addr)
	}
	s.conns++
	if err != nil {
		s.log(event.Event{Kind: event.SockError, Conn: s.conns, Peer: s.env.Addr, Text: "dial", Err: err.Error()})
		return nil, &Failure{
			What:     fmt.Sprintf("connection %d could not connect", s.conns),
			Expected: "the server to accept connections on " + s.env.Addr,
			Got:      errorText(err),
		}
	}
	l := &link{s: s, c: c.(*net.TCPConn), n: s.conns}
	// Cancelling ctx unblocks any read or write in progress.
	l.stop = context.AfterFunc(ctx, func() { l.c.SetDeadline(time.Unix(1, 0)) })
	s.log(event.Event{Kind: event.Dial, Conn: l.n, Text: "connected to " + c.RemoteAddr().String(), Addr: c.LocalAddr().String(), Peer: c.RemoteAddr().String()})
	return l, nil
}

// within returns the earlier of ctx's deadline and d from now.
func within(ctx context.Context, d time.Duration) time.Time {
	t := time.Now().Add(d)
	if dl, ok := ctx.Deadline(); ok && dl.Before(t) {
		return dl
	}
	return t
}

// writePiece is the most the checker writes in one Write call; each
// piece must be taken within replyWait, so that a server that stops
// reading fails as fast as one that stops answering.
const writePiece = 1 << 20

// write sends b, in one Write call when it is at most writePiece bytes.
func (l *link) write(ctx context.Context, b []byte) error {
	sent := 0
	for sent < len(b) {
		end := min(sent+writePiece, len(b))
		l.c.SetWriteDeadline(within(ctx, replyWait))
		n, err := l.c.Write(b[sent:end])
		if n > 0 {
			l.s.log(event.Event{Kind: event.Write, Conn: l.n, Bytes: n, Text: event.Preview(b[sent : sent+n])})
		}
		sent += n
		if err != nil {
			l.s.log(event.Event{Kind: event.SockError, Conn: l.n, Text: "write", Err: err.Error()})
			return &Failure{
				What:     fmt.Sprintf("connection %d: sending failed after %d of %d bytes", l.n, sent, len(b)),
				Expected: "the server to read what the client sends",
				Got:      errorText(err),
			}
		}
	}
	return nil
}

// flood writes piece again and again, up to total bytes, until the
// server closes the connection (a write fails with end of stream or a
// reset). It returns how much was sent and whether the server closed. A
// server that neither reads nor closes fails: a write waits at most
// replyWait.
func (l *link) flood(ctx context.Context, piece []byte, total int) (int, bool, error) {
	sent := 0
	for sent < total {
		l.c.SetWriteDeadline(within(ctx, replyWait))
		n, err := l.c.Write(piece[:min(len(piece), total-sent)])
		sent += n
		if n > 0 {
			l.s.log(event.Event{Kind: event.Write, Conn: l.n, Bytes: n, Text: event.Preview(piece[:n])})
		}
		switch {
		case closedByPeer(err):
			l.s.log(event.Event{Kind: event.SockError, Conn: l.n, Text: "write", Err: err.Error()})
			return sent, true, nil
		case err != nil:
			l.s.log(event.Event{Kind: event.SockError, Conn: l.n, Text: "write", Err: err.Error()})
			return sent, false, &Failure{
				What:     fmt.Sprintf("connection %d: the server stopped reading after %d bytes, but kept the connection open", l.n, sent),
				Expected: "the server to read on, or to close the connection",
				Got:      errorText(err),
			}
		}
	}
	return sent, false, nil
}

// writeChopped sends b one byte per Write and, before each next byte,
// waits until the server has read the previous one: the server is sure to
// see every message in pieces, however it reads. If the server stops
// reading, the rest goes in one piece.
func (l *link) writeChopped(ctx context.Context, b []byte) error {
	for i := range b {
		if i > 0 && !l.waitConsumed(ctx) {
			return l.write(ctx, b[i:])
		}
		if err := l.write(ctx, b[i:i+1]); err != nil {
			return err
		}
	}
	return nil
}

// waitConsumed waits, at most consumeWait, until the server's end of the
// connection has no unread bytes, and reports whether that happened.
// Where that cannot be seen, it pauses briefly instead.
func (l *link) waitConsumed(ctx context.Context) bool { return waitConsumed(ctx, l.c) }

// waitConsumed waits, at most consumeWait, until the other end of c has
// read everything sent to it, and reports whether that happened. Where
// that cannot be seen, it pauses briefly instead.
func waitConsumed(ctx context.Context, c *net.TCPConn) bool {
	deadline := within(ctx, consumeWait)
	pause := 20 * time.Microsecond
	for {
		queued, err := sockdiag.Unread(c)
		if err != nil {
			time.Sleep(choppedPause)
			return true
		}
		if queued == 0 {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(pause)
		pause = min(2*pause, time.Millisecond)
	}
}

// read reads whatever arrives next, at most len(buf) bytes, waiting at most
// wait. Every read is logged.
func (l *link) read(ctx context.Context, buf []byte, wait time.Duration) (int, error) {
	l.c.SetReadDeadline(within(ctx, wait))
	n, err := l.c.Read(buf)
	if n > 0 {
		l.s.log(event.Event{Kind: event.Read, Conn: l.n, Bytes: n, Text: event.Preview(buf[:n])})
	}
	if err != nil {
		l.s.log(event.Event{Kind: event.SockError, Conn: l.n, Text: "read", Err: err.Error()})
	}
	return n, err
}

// readN reads until it has n bytes, the connection ends, or wait has passed
// since the last byte arrived. It returns what it got and, when short, why.
func (l *link) readN(ctx context.Context, n int, wait time.Duration) ([]byte, error) {
	got := make([]byte, 0, n)
	buf := make([]byte, min(max(n, 1), 64<<10))
	for len(got) < n {
		k, err := l.read(ctx, buf[:min(len(buf), n-len(got))], wait)
		got = append(got, buf[:k]...)
		if err != nil {
			return got, err
		}
	}
	return got, nil
}

// readAll reads until the connection ends or wait passes without a byte,
// keeping at most limit bytes. A nil error means the server closed the
// connection (end of stream or reset) after sending what is returned.
func (l *link) readAll(ctx context.Context, limit int, wait time.Duration) ([]byte, error) {
	var got []byte
	buf := make([]byte, 64<<10)
	for {
		k, err := l.read(ctx, buf, wait)
		if len(got) < limit {
			got = append(got, buf[:min(k, limit-len(got))]...)
		}
		if closedByPeer(err) {
			return got, nil
		}
		if err != nil {
			return got, err
		}
	}
}

// expect reads exactly len(want) bytes and compares them with want; then,
// with extra, it listens settleWait longer for bytes that should not be
// there. what names the reply in a failure.
func (l *link) expect(ctx context.Context, what string, want []byte, extra bool) error {
	got, err := l.readN(ctx, len(want), replyWait)
	if err != nil {
		return shortReply(what, want, got, err)
	}
	if f := compare(what, want, got); f != nil {
		return f
	}
	if !extra {
		return nil
	}
	more := make([]byte, 1024)
	n, err := l.read(ctx, more, settleWait)
	if n > 0 {
		return &Failure{
			What:     what + ": more bytes than expected",
			Expected: show(want),
			Got:      show(want) + " followed by " + show(more[:n]),
		}
	}
	if err != nil && !closedByPeer(err) && !isTimeout(err) {
		return shortReply(what, want, got, err)
	}
	return nil
}

// expectClosed waits for the server to close the connection without
// sending anything (end of stream or reset).
func (l *link) expectClosed(ctx context.Context, why string) error {
	buf := make([]byte, 1024)
	n, err := l.read(ctx, buf, closeWait)
	switch {
	case n > 0:
		return &Failure{What: "the server replied " + why, Expected: "the connection closed, with no reply", Got: show(buf[:n])}
	case closedByPeer(err):
		return nil
	case isTimeout(err):
		return &Failure{
			What:     "the server kept the connection open " + why,
			Expected: "the connection closed",
			Got:      fmt.Sprintf("no close within %v", closeWait),
		}
	default:
		return &Failure{What: "reading failed " + why, Expected: "the connection closed", Got: errorText(err)}
	}
}

// closeWrite half-closes the connection: the server reads end of stream.
func (l *link) closeWrite() error {
	l.s.log(event.Event{Kind: event.CloseWrite, Conn: l.n})
	if err := l.c.CloseWrite(); err != nil {
		return &Failure{What: fmt.Sprintf("connection %d: could not half-close", l.n), Expected: "an open connection", Got: errorText(err)}
	}
	return nil
}

// close closes the connection.
func (l *link) close() {
	l.stop()
	if l.c.Close() == nil {
		l.s.log(event.Event{Kind: event.Close, Conn: l.n})
	}
}

// reset closes the connection abruptly: the kernel sends a reset (RST)
// instead of an orderly end of stream, as when a client crashes.
func (l *link) reset() {
	l.stop()
	l.c.SetLinger(0)
	if l.c.Close() == nil {
		l.s.log(event.Event{Kind: event.Close, Conn: l.n, Text: "reset (linger 0)"})
	}
}

// finish ends the connection in an orderly way and waits for the server
// to be done with it: it closes the write side, so the server reads end of
// stream, reads until the server closes its end too (at most closeWait),
// then closes. It reports whether the server closed its end; what the
// server sent meanwhile is not judged.
func (l *link) finish(ctx context.Context) bool {
	defer l.close()
	if l.closeWrite() != nil {
		return false
	}
	_, err := l.readAll(ctx, 0, closeWait)
	return err == nil
}

// resetAndSettle resets the connection, then waits resetSettle, or less if
// the server exits meanwhile: an exit is the program's failure.
func (l *link) resetAndSettle(ctx context.Context) error {
	l.reset()
	env := l.s.env
	deadline := within(ctx, resetSettle)
	if env.ServerExit == nil {
		time.Sleep(time.Until(deadline))
		return nil
	}
	waitCtx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	code, err := env.ServerExit(waitCtx)
	if err != nil {
		return nil // still running, as it should be
	}
	return &Failure{
		What:     "the server exited when a client reset its connection",
		Expected: "the server to go on serving the next client",
		Got:      fmt.Sprintf("exit status %d", code),
	}
}

// closedByPeer reports whether err says the other side closed the
// connection, in an orderly way or by a reset.
func closedByPeer(err error) bool {
	return errors.Is(err, io.EOF) || event.IsReset(err) || event.IsBrokenPipe(err)
}

func isTimeout(err error) bool { return errors.Is(err, os.ErrDeadlineExceeded) }

// errorText says in words what a read or write error means.
func errorText(err error) string {
	switch {
	case err == nil:
		return "no error"
	case errors.Is(err, io.EOF):
		return "the connection closed by the server (end of stream)"
	case event.IsReset(err), event.IsBrokenPipe(err):
		return "the connection reset by the server"
	case event.IsRefused(err):
		return "connection refused: nothing listens there (has the server exited?)"
	case isTimeout(err):
		return "nothing within the time allowed"
	}
	return err.Error()
}

// shortReply is the failure for a reply that did not arrive whole.
func shortReply(what string, want, got []byte, err error) *Failure {
	f := &Failure{What: what, Expected: show(want)}
	switch {
	case len(got) == 0 && isTimeout(err):
		f.What += ": no reply"
		f.Got = fmt.Sprintf("nothing within %v", replyWait)
	case len(got) == 0:
		f.What += ": no reply"
		f.Got = errorText(err)
	default:
		if !bytes.HasPrefix(want, got) {
			return compare(what, want, got)
		}
		f.What += ": the reply stopped short"
		f.Got = fmt.Sprintf("%s, then %s", show(got), errorText(err))
	}
	return f
}

// compare returns a failure showing where got first differs from want, or
// nil when they are equal.
func compare(what string, want, got []byte) *Failure {
	if bytes.Equal(want, got) {
		return nil
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	if len(want) <= 64 && len(got) <= 64 {
		return &Failure{What: what + ": wrong reply", Expected: show(want), Got: show(got)}
	}
	return &Failure{
		What:     fmt.Sprintf("%s: wrong reply, first difference at byte %d", what, i),
		Expected: fmt.Sprintf("%d bytes, from byte %d: %s", len(want), i, show(window(want, i))),
		Got:      fmt.Sprintf("%d bytes, from byte %d: %s", len(got), i, show(window(got, i))),
	}
}

func window(b []byte, i int) []byte {
	return b[min(i, len(b)):min(i+24, len(b))]
}

// show quotes bytes for a failure message, eliding the middle of long ones.
func show(b []byte) string {
	if len(b) == 0 {
		return "nothing"
	}
	if len(b) <= 64 {
		return strconv.Quote(string(b))
	}
	return fmt.Sprintf("%s…%s (%d bytes)", strconv.Quote(string(b[:40])), strconv.Quote(string(b[len(b)-16:])), len(b))
}

// preview is the short text logged with a read or write.
func preview(b []byte) string {
	if len(b) <= 40 {
		return strconv.Quote(string(b))
	}
	return strconv.Quote(string(b[:32])) + "…"
}
