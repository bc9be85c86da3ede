package relay

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"sockbook/runner/event"
)

// How long the relay waits for things that must not wait for ever.
const (
	// dialTimeout bounds the relay's connection to the upstream server.
	dialTimeout = 5 * time.Second
	// acceptBackoff is the pause after an Accept or ReadFrom that failed for
	// a reason other than the relay being closed (out of file descriptors).
	acceptBackoff = 50 * time.Millisecond
	// detailLimit is how many fault events one direction of one connection
	// reports one by one; past it the relay only counts, and reports the
	// totals when the direction ends, so a bulk transfer stays a few lines.
	detailLimit = 32
)

// Relay is a running fault-injecting relay between clients and one upstream
// server. It is made by StartTCP or StartUDP and stopped by Close. Its
// methods may be called from any goroutine.
type Relay struct {
	addr     string
	upstream string
	plan     Plan

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	emitMu sync.Mutex
	emitFn func(event.Event)
	trace  func(decision) // tests only: every decision the relay makes

	mu      sync.Mutex
	stopped bool
	open    map[io.Closer]struct{} // sockets to close on shutdown
	nconn   int                    // connections (TCP) or clients (UDP) so far

	closeOnce sync.Once
	closeErr  error
	listener  io.Closer
}

// decision is one choice the relay made, recorded for tests that check a
// seed gives the same choices on every run.
type decision struct {
	Conn int
	Dir  string
	What string // TCP: "read", "draw", "write"; UDP: a verdict, such as "pass" or "dup+hold"
	N    int
}

// options are the knobs tests use; StartTCP and StartUDP pass none.
type options struct {
	trace func(decision)
}

// direction is one way through a connection.
type direction int

// The two directions; each also picks a random stream with the connection
// number.
const (
	clientToServer direction = iota
	serverToClient
)

// name returns the direction as events show it: "client→server".
func (d direction) name() string { return d.from() + "→" + d.to() }

// from returns the side that sends in this direction.
func (d direction) from() string {
	if d == clientToServer {
		return "client"
	}
	return "server"
}

// to returns the side that receives in this direction.
func (d direction) to() string {
	if d == clientToServer {
		return "server"
	}
	return "client"
}

// stream returns the PCG stream of this direction of connection conn, so
// that every connection and direction draws its own random numbers.
func (d direction) stream(conn int) uint64 { return uint64(conn)<<1 | uint64(d) }

// newRelay sets up what TCP and UDP relays share.
func newRelay(ctx context.Context, upstream string, plan Plan, emit func(event.Event), opt options) *Relay {
	rctx, cancel := context.WithCancel(ctx)
	return &Relay{
		upstream: upstream,
		plan:     plan,
		ctx:      rctx,
		cancel:   cancel,
		emitFn:   emit,
		trace:    opt.trace,
		open:     make(map[io.Closer]struct{}),
	}
}

// start records the listening socket and starts the goroutine that stops
// the relay when its context ends.
func (r *Relay) start(ln io.Closer, addr string) {
	r.listener = ln
	r.addr = addr
	r.track(ln)
	r.wg.Go(func() {
		<-r.ctx.Done()
		r.shutdown()
	})
}

// Addr returns the address clients should connect or send to, such as
// "127.0.0.1:40123".
func (r *Relay) Addr() string { return r.addr }

// Close stops the relay: it closes the listening socket and every
// connection or per-client socket, and waits until all of the relay's
// goroutines have returned. No event is emitted after Close returns. Close
// may be called more than once; later calls return the first call's result.
func (r *Relay) Close() error {
	r.closeOnce.Do(func() {
		r.cancel()
		r.shutdown()
		r.wg.Wait()
	})
	return r.closeErr
}

// shutdown closes every socket the relay still holds. It does not wait.
func (r *Relay) shutdown() {
	r.mu.Lock()
	if r.stopped {
		r.mu.Unlock()
		return
	}
	r.stopped = true
	open := r.open
	r.open = nil
	r.mu.Unlock()
	for c := range open {
		err := c.Close()
		if c == r.listener && err != nil && !errors.Is(err, net.ErrClosed) {
			r.closeErr = fmt.Errorf("relay %s: close: %w", r.addr, err)
		}
	}
}

// track registers a socket to be closed on shutdown. It reports false, and
// closes the socket, when the relay is already shutting down.
func (r *Relay) track(c io.Closer) bool {
	r.mu.Lock()
	if r.stopped {
		r.mu.Unlock()
		c.Close()
		return false
	}
	r.open[c] = struct{}{}
	r.mu.Unlock()
	return true
}

// untrack forgets a socket the caller has closed.
func (r *Relay) untrack(c io.Closer) {
	r.mu.Lock()
	delete(r.open, c)
	r.mu.Unlock()
}

// nextConn numbers a new connection or client, from 1.
func (r *Relay) nextConn() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.nconn++
	return r.nconn
}

// closing reports whether Close was called or the relay's context ended.
func (r *Relay) closing() bool { return r.ctx.Err() != nil }

// emit reports one thing the relay did. Calls are serialized, so the emit
// function given to StartTCP or StartUDP sees one event at a time, in the
// order of their times.
func (r *Relay) emit(conn int, text string, n int, err error) {
	if r.emitFn == nil {
		return
	}
	r.emitMu.Lock()
	defer r.emitMu.Unlock()
	e := event.Event{Time: event.Now(), Side: event.Net, Kind: event.Fault, Text: text, Bytes: n, Conn: conn}
	if err != nil {
		e.Err = err.Error()
	}
	r.emitFn(e)
}

// record passes a decision to the test hook, if there is one.
func (r *Relay) record(conn int, d direction, what string, n int) {
	if r.trace != nil {
		r.trace(decision{Conn: conn, Dir: d.name(), What: what, N: n})
	}
}

// sleep waits for d, or until the relay closes; it reports whether the
// whole time passed. A nil timer is made on first use and reused after.
func (r *Relay) sleep(t **time.Timer, d time.Duration) bool {
	if *t == nil {
		*t = time.NewTimer(d)
	} else {
		(*t).Reset(d)
	}
	select {
	case <-(*t).C:
		return true
	case <-r.ctx.Done():
		(*t).Stop()
		return false
	}
}

// listenHost returns the loopback address, of upstream's family, the relay
// listens on.
func listenHost(upstream string) (string, error) {
	host, _, err := net.SplitHostPort(upstream)
	if err != nil {
		return "", err
	}
	if ip := net.ParseIP(host); ip != nil && ip.To4() == nil {
		return "[::1]:0", nil
	}
	return "127.0.0.1:0", nil
}

// reporter emits one direction's fault events: one by one up to
// detailLimit, then only counted and summed up by finish.
type reporter struct {
	r    *Relay
	conn int
	dir  direction
	sent int  // detailed events emitted
	over bool // the limit was reached: later faults are only counted

	// totals over the whole direction
	chopBytes, chopPieces, chopChunks int
	merges, mergedReads, mergedBytes  int
	delayed                           int
	dropped, duplicated, held, cut    int
}

// detailed reports whether the next fault may be reported on its own; past
// the limit it says once that the rest will be summed up.
func (p *reporter) detailed() bool {
	if p.sent < detailLimit {
		p.sent++
		return true
	}
	if !p.over {
		p.over = true
		p.r.emit(p.conn, p.dir.name()+": more faults; counting them and reporting the totals at the end", 0, nil)
	}
	return false
}

// say emits a detailed event for this direction.
func (p *reporter) say(n int, format string, args ...any) {
	p.r.emit(p.conn, p.dir.name()+": "+fmt.Sprintf(format, args...), n, nil)
}

// finish reports the totals, when some faults were not reported one by one.
func (p *reporter) finish() {
	if !p.over {
		return
	}
	var parts []string
	if p.chopChunks > 0 {
		parts = append(parts, fmt.Sprintf("chopped %d bytes into %d pieces of ≤%d", p.chopBytes, p.chopPieces, p.r.plan.Chop))
	}
	if p.merges > 0 {
		parts = append(parts, fmt.Sprintf("merged %d reads into %d writes (%d bytes)", p.mergedReads, p.merges, p.mergedBytes))
	}
	if p.delayed > 0 {
		parts = append(parts, fmt.Sprintf("delayed %d pieces by %v", p.delayed, p.r.plan.Delay))
	}
	if p.dropped > 0 {
		parts = append(parts, fmt.Sprintf("dropped %d datagrams", p.dropped))
	}
	if p.duplicated > 0 {
		parts = append(parts, fmt.Sprintf("duplicated %d datagrams", p.duplicated))
	}
	if p.held > 0 {
		parts = append(parts, fmt.Sprintf("held back %d datagrams", p.held))
	}
	if p.cut > 0 {
		parts = append(parts, fmt.Sprintf("truncated %d datagrams to %d bytes", p.cut, p.r.plan.Truncate))
	}
	text := p.dir.name() + ": in all: none"
	if len(parts) > 0 {
		text = p.dir.name() + ": in all: " + strings.Join(parts, ", ")
	}
	p.r.emit(p.conn, text, 0, nil)
}
