package relay

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"runtime"
	"sync"
	"time"

	"sockbook/runner/event"
)

const (
	// Each direction of each connection reads into a buffer that starts at
	// tcpBufMin bytes and doubles, up to tcpBufMax, each time a read fills
	// it: a bulk transfer soon moves large blocks, and a hundred quiet
	// connections stay small.
	tcpBufMin = 16 << 10
	tcpBufMax = 256 << 10
	// coalesceQuiet is how long a coalescing relay waits for more bytes
	// after each read before it delivers what it holds.
	coalesceQuiet = 20 * time.Millisecond
	// coalesceMax caps how long a coalescing relay holds bytes in all.
	coalesceMax = 200 * time.Millisecond
	// pacedChopMax is the largest Chop whose pieces are paced: each is
	// written only once the receiver has read all the ones before, so that
	// it reaches the receiver's Read on its own (see pacer).
	pacedChopMax = 16 << 10
	// pacingSpin is how long pacing polls the receiver without sleeping
	// (a reader in another process usually catches up within it); after
	// it, pacing polls every millisecond.
	pacingSpin = 200 * time.Microsecond
	// pacingMax is the longest pacing waits for a receiver to read. One
	// that does not read for that long is taken to be busy elsewhere:
	// pieces go out unpaced until it has read everything again.
	pacingMax = 200 * time.Millisecond
)

// errClosing stops a pump that was waiting when the relay closed.
var errClosing = errors.New("relay closing")

// StartTCP listens on a free loopback port (IPv6 when upstream is an IPv6
// address, IPv4 otherwise) and forwards every connection it accepts to
// upstream, injecting plan's TCP faults (Chop, Coalesce, Delay) in both
// directions. Connections are numbered from 1 in the order they are
// accepted; that number is the Conn of their events.
//
// Each direction forwards until its sender closes its write half (the
// relay then passes the FIN on, after the bytes it still holds) or resets
// (the relay then resets the other side). A connection to upstream that
// fails resets the client. A zero plan makes a plain proxy; a plan with
// UDP faults or negative values is refused.
//
// emit, which may be nil, receives what the relay does as events with Side
// event.Net and Kind event.Fault. The relay calls it from several
// goroutines but never two calls at once; it must return promptly and must
// not call Close. The relay stops when ctx ends or Close is called; call
// Close in any case, to wait for it and release its sockets.
func StartTCP(ctx context.Context, upstream string, plan Plan, emit func(event.Event)) (*Relay, error) {
	return startTCP(ctx, upstream, plan, emit, options{})
}

func startTCP(ctx context.Context, upstream string, plan Plan, emit func(event.Event), opt options) (*Relay, error) {
	if err := plan.validate("tcp"); err != nil {
		return nil, fmt.Errorf("relay %s: %w", upstream, err)
	}
	host, err := listenHost(upstream)
	if err != nil {
		return nil, fmt.Errorf("relay %s: %w", upstream, err)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", host)
	if err != nil {
		return nil, fmt.Errorf("relay %s: %w", upstream, err)
	}
	r := newRelay(ctx, upstream, plan, emit, opt)
	r.start(ln, ln.Addr().String())
	r.wg.Go(func() { r.acceptTCP(ln.(*net.TCPListener)) })
	return r, nil
}

// acceptTCP accepts clients until the relay closes.
func (r *Relay) acceptTCP(ln *net.TCPListener) {
	var backoff *time.Timer
	for {
		c, err := ln.AcceptTCP()
		if err != nil {
			if r.closing() || errors.Is(err, net.ErrClosed) {
				return
			}
			r.emit(0, "accepting a client failed", 0, err)
			if !r.sleep(&backoff, acceptBackoff) {
				return
			}
			continue
		}
		if !r.track(c) {
			return
		}
		k := r.nextConn()
		r.wg.Go(func() { r.serveTCP(k, c) })
	}
}

// tcpConn is one client's connection through the relay: the client's
// socket and the relay's own connection to the server.
type tcpConn struct {
	r              *Relay
	k              int
	client, server *net.TCPConn

	mu     sync.Mutex
	broken bool // reset or failed: errors from here on are expected
}

// serveTCP connects client to the upstream server and forwards both
// directions until both have ended.
func (r *Relay) serveTCP(k int, client *net.TCPConn) {
	defer r.untrack(client)
	d := net.Dialer{Timeout: dialTimeout}
	uc, err := d.DialContext(r.ctx, "tcp", r.upstream)
	if err != nil {
		if !r.closing() {
			r.emit(k, fmt.Sprintf("cannot reach server %s, resetting client", r.upstream), 0, err)
		}
		reset(client)
		return
	}
	server := uc.(*net.TCPConn)
	if !r.track(server) {
		client.Close()
		return
	}
	defer r.untrack(server)
	c := &tcpConn{r: r, k: k, client: client, server: server}
	back := make(chan struct{})
	r.wg.Go(func() {
		defer close(back)
		c.pump(serverToClient, server, client)
	})
	c.pump(clientToServer, client, server)
	<-back
	client.Close()
	server.Close()
}

// breakOff marks the connection torn down, and reports whether this call
// did it: only the first failure of a connection is reported.
func (c *tcpConn) breakOff() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.broken {
		return false
	}
	c.broken = true
	return true
}

// reset closes c with an RST instead of a FIN.
func reset(c *net.TCPConn) {
	c.SetLinger(0)
	c.Close()
}

// pump is one direction of a connection.
type pump struct {
	c        *tcpConn
	d        direction
	src, dst *net.TCPConn
	buf      []byte
	chop     chopper
	rep      reporter
	timer    *time.Timer

	pacing  bool   // pieces are to be paced
	pace    *pacer // made on first use
	written int64  // bytes written to dst
	stalled bool   // dst's reader let pacing time out and has not caught up
}

// pump forwards src to dst, with the plan's faults, until src ends.
func (c *tcpConn) pump(d direction, src, dst *net.TCPConn) {
	p := &pump{
		c: c, d: d, src: src, dst: dst,
		buf:  make([]byte, tcpBufMin),
		chop: newChopper(c.r.plan, c.k, d),
		rep:  reporter{r: c.r, conn: c.k, dir: d},
	}
	if c.r.trace != nil {
		p.chop.onDraw = func(n int) { c.r.record(c.k, d, "draw", n) }
	}
	p.pacing = c.r.plan.Chop > 0 && c.r.plan.Chop <= pacedChopMax
	defer func() {
		if p.pace != nil {
			p.pace.close()
		}
	}()
	defer p.rep.finish()
	defer func() {
		if p.timer != nil {
			p.timer.Stop()
		}
	}()
	for {
		n, err := src.Read(p.buf)
		if n > 0 {
			c.r.record(c.k, d, "read", n)
		}
		reads := 1
		if n > 0 && err == nil && c.r.plan.Coalesce {
			n, reads, err = p.gather(n)
		}
		if n > 0 {
			if werr := p.deliver(p.buf[:n], reads); werr != nil {
				p.writeFailed(werr)
				return
			}
			if n == len(p.buf) && n < tcpBufMax {
				p.buf = make([]byte, 2*n)
			}
		}
		if err != nil {
			p.readEnded(err)
			return
		}
	}
}

// gather keeps reading after a read of n bytes until the sender has been
// quiet for coalesceQuiet, coalesceMax has passed or the buffer is full.
// It returns the bytes held, how many reads brought them, and an error
// that ended the stream meanwhile.
func (p *pump) gather(n int) (int, int, error) {
	reads := 1
	start := time.Now()
	var err error
	for n < len(p.buf) {
		deadline := time.Now().Add(coalesceQuiet)
		if end := start.Add(coalesceMax); deadline.After(end) {
			deadline = end
		}
		if err = p.src.SetReadDeadline(deadline); err != nil {
			break
		}
		m, rerr := p.src.Read(p.buf[n:])
		if m > 0 {
			p.c.r.record(p.c.k, p.d, "read", m)
			n += m
			reads++
		}
		if rerr != nil {
			if !errors.Is(rerr, os.ErrDeadlineExceeded) {
				err = rerr
			}
			break
		}
	}
	if err == nil {
		err = p.src.SetReadDeadline(time.Time{})
	}
	return n, reads, err
}

// deliver writes b, which reads brought, to dst: as one Write, or in
// pieces of at most Chop bytes, each after Delay.
func (p *pump) deliver(b []byte, reads int) error {
	plan := p.c.r.plan
	if reads > 1 {
		p.rep.merges++
		p.rep.mergedReads += reads
		p.rep.mergedBytes += len(b)
	}
	// How many reads brought the bytes depends on timing; that they are
	// delivered as one write does not, so that is what the note says.
	if plan.Coalesce && p.rep.detailed() {
		p.rep.say(len(b), "held %d bytes back and delivered them as one write", len(b))
	}
	if plan.Chop <= 0 && plan.Delay <= 0 {
		return p.write(b)
	}
	if !p.rep.over {
		p.announce(len(b))
	}
	n, pieces := len(b), 0
	for len(b) > 0 {
		k := p.chop.next(len(b))
		if plan.Delay > 0 && !p.c.r.sleep(&p.timer, plan.Delay) {
			return errClosing
		}
		if !p.paceWait() {
			return errClosing
		}
		if err := p.write(b[:k]); err != nil {
			return err
		}
		b = b[k:]
		pieces++
	}
	if plan.Chop > 0 {
		p.rep.chopChunks++
		p.rep.chopBytes += n
		p.rep.chopPieces += pieces
	}
	if plan.Delay > 0 {
		p.rep.delayed += pieces
	}
	return nil
}

// announce reports, before they happen, the faults on the next n bytes.
func (p *pump) announce(n int) {
	plan := p.c.r.plan
	pieces := p.chop.count(n)
	switch {
	case pieces > 1 && plan.Delay > 0:
		if p.rep.detailed() {
			p.rep.say(n, "chopped %d bytes into %d pieces of ≤%d, each delayed %v", n, pieces, plan.Chop, plan.Delay)
		}
	case pieces > 1:
		if p.rep.detailed() {
			p.rep.say(n, "chopped %d bytes into %d pieces of ≤%d", n, pieces, plan.Chop)
		}
	case plan.Delay > 0:
		if p.rep.detailed() {
			p.rep.say(n, "delayed %d bytes by %v", n, plan.Delay)
		}
	}
}

// write sends one piece with one Write.
func (p *pump) write(b []byte) error {
	p.c.r.record(p.c.k, p.d, "write", len(b))
	n, err := p.dst.Write(b)
	p.written += int64(n)
	return err
}

// paceWait waits, when pieces are paced, until the receiver has read every
// byte written to it, so that the next piece comes to its Read alone. It
// reports false when the relay closed meanwhile.
func (p *pump) paceWait() bool {
	if !p.pacing || p.written == 0 {
		return true
	}
	if p.pace == nil {
		if p.pace = newPacer(p.dst); p.pace == nil {
			p.pacing = false
			return true
		}
	}
	start := time.Now()
	for {
		done, err := p.pace.drained(p.written)
		switch {
		case err != nil: // the kernel cannot tell: stop pacing
			p.pacing = false
			return true
		case done:
			p.stalled = false
			return true
		case p.stalled:
			return true
		}
		waited := time.Since(start)
		switch {
		case waited >= pacingMax:
			p.stalled = true
			p.c.r.record(p.c.k, p.d, "stall", int(p.written))
			return true
		case waited < pacingSpin:
			runtime.Gosched()
		default:
			if !p.c.r.sleep(&p.timer, time.Millisecond) {
				return false
			}
		}
	}
}

// readEnded passes on how the sender's stream ended: a FIN as a FIN, a
// reset or a failure as a reset.
func (p *pump) readEnded(err error) {
	r, c := p.c.r, p.c
	if r.closing() {
		return
	}
	if errors.Is(err, io.EOF) {
		c.mu.Lock()
		broken := c.broken
		c.mu.Unlock()
		if broken {
			return
		}
		p.rep.say(0, "%s closed its write half, passing the FIN on to %s", p.d.from(), p.d.to())
		p.dst.CloseWrite()
		return
	}
	if !c.breakOff() {
		return
	}
	if event.IsReset(err) {
		r.emit(c.k, fmt.Sprintf("%s: reset from %s, resetting %s", p.d.name(), p.d.from(), p.d.to()), 0, err)
	} else {
		r.emit(c.k, fmt.Sprintf("%s: reading from %s failed, resetting %s", p.d.name(), p.d.from(), p.d.to()), 0, err)
	}
	reset(p.dst)
	p.src.Close()
}

// writeFailed handles a receiver that is gone: the sender is reset, as it
// would be by the receiver's RST on a direct connection.
func (p *pump) writeFailed(err error) {
	r, c := p.c.r, p.c
	if r.closing() || !c.breakOff() {
		return
	}
	r.emit(c.k, fmt.Sprintf("%s: writing to %s failed, resetting %s", p.d.name(), p.d.to(), p.d.from()), 0, err)
	reset(p.src)
	p.dst.Close()
}

// chopper decides where the relay cuts a stream. With a zero Seed (or
// Chop 1) it cuts each read into pieces of exactly Chop bytes, the last
// shorter. With a Seed it draws each piece's size from [1, Chop] with a PCG
// seeded by Seed and the connection and direction; a piece that a read
// ends before it is full goes on in the next read, so the cuts fall at the
// same stream offsets on every run, wherever the reads happen to end.
type chopper struct {
	max    int        // Plan.Chop; 0 means no chopping
	pcg    *rand.PCG  // nil: fixed pieces
	rng    *rand.Rand // draws from pcg
	left   int        // seeded: bytes still due in the current piece
	onDraw func(int)  // tests: each drawn size
}

func newChopper(plan Plan, conn int, d direction) chopper {
	c := chopper{max: plan.Chop}
	if plan.Chop > 1 && plan.Seed != 0 {
		c.pcg = rand.NewPCG(uint64(plan.Seed), d.stream(conn))
		c.rng = rand.New(c.pcg)
	}
	return c
}

// next returns the size of the next piece of a read with avail bytes left.
func (c *chopper) next(avail int) int {
	if c.max <= 0 {
		return avail
	}
	if c.rng == nil {
		return min(c.max, avail)
	}
	if c.left == 0 {
		c.left = 1 + c.rng.IntN(c.max)
		if c.onDraw != nil {
			c.onDraw(c.left)
		}
	}
	k := min(c.left, avail)
	c.left -= k
	return k
}

// count returns how many pieces next will cut n bytes into, without
// drawing from the chopper's random stream.
func (c *chopper) count(n int) int {
	switch {
	case c.max <= 0 || n == 0:
		return 1
	case c.rng == nil:
		return (n + c.max - 1) / c.max
	}
	sim := *c.pcg
	rng := rand.New(&sim)
	left, pieces := c.left, 0
	for n > 0 {
		if left == 0 {
			left = 1 + rng.IntN(c.max)
		}
		k := min(left, n)
		left -= k
		n -= k
		pieces++
	}
	return pieces
}
