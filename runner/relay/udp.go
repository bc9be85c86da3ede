package relay

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/netip"
	"strings"
	"time"

	"sockbook/runner/event"
)

const (
	// maxDatagram is the largest datagram the relay reads whole.
	maxDatagram = 64 << 10
	// udpQueue is how many datagrams may wait for one direction's shaper.
	udpQueue = 64
	// reorderChance is the probability that a datagram is held back when
	// Plan.Reorder is set.
	reorderChance = 0.5
	// reorderFlush is how long a held datagram waits for a next one before
	// it is sent anyway.
	reorderFlush = 100 * time.Millisecond
)

// StartUDP listens for datagrams on a free loopback port (IPv6 when
// upstream is an IPv6 address, IPv4 otherwise) and relays them to upstream,
// injecting plan's UDP faults (Loss, Dup, Reorder, Truncate, Delay). Each
// client address gets its own socket towards upstream, so the server's
// replies on it go back to that client through the relay. Clients are
// numbered from 1 in the order their first datagram arrives; that number
// is the Conn of their events.
//
// Faults apply in both directions, client to server and server to client.
// Each direction of each client numbers its datagrams from 1 and makes its
// choices, datagram by datagram, from its own PCG seeded by Seed and the
// client's and the direction's numbers: the same seed and the same traffic
// give the same choices on every run. A plan with TCP faults or values out
// of range is refused. Clients are kept until the relay closes.
//
// emit, which may be nil, receives what the relay does as events, as for
// StartTCP, with the same rules. The relay stops when ctx ends or Close is
// called; call Close in any case, to wait for it and release its sockets.
func StartUDP(ctx context.Context, upstream string, plan Plan, emit func(event.Event)) (*Relay, error) {
	return startUDP(ctx, upstream, plan, emit, options{})
}

func startUDP(ctx context.Context, upstream string, plan Plan, emit func(event.Event), opt options) (*Relay, error) {
	if err := plan.validate("udp"); err != nil {
		return nil, fmt.Errorf("relay %s: %w", upstream, err)
	}
	host, err := listenHost(upstream)
	if err != nil {
		return nil, fmt.Errorf("relay %s: %w", upstream, err)
	}
	up, err := net.ResolveUDPAddr("udp", upstream)
	if err != nil {
		return nil, fmt.Errorf("relay %s: %w", upstream, err)
	}
	var lc net.ListenConfig
	pc, err := lc.ListenPacket(ctx, "udp", host)
	if err != nil {
		return nil, fmt.Errorf("relay %s: %w", upstream, err)
	}
	ln := pc.(*net.UDPConn)
	r := newRelay(ctx, upstream, plan, emit, opt)
	r.start(ln, ln.LocalAddr().String())
	r.wg.Go(func() { r.serveUDP(ln, up) })
	return r, nil
}

// udpClient is one client address and the relay's socket to the server
// for it.
type udpClient struct {
	k        int
	addr     netip.AddrPort
	up       *net.UDPConn
	toServer chan []byte
}

// serveUDP reads the clients' datagrams until the relay closes and hands
// each to its client's shaper.
func (r *Relay) serveUDP(ln *net.UDPConn, up *net.UDPAddr) {
	clients := make(map[netip.AddrPort]*udpClient)
	buf := make([]byte, maxDatagram)
	var backoff *time.Timer
	for {
		n, from, err := ln.ReadFromUDPAddrPort(buf)
		if err != nil {
			if r.closing() || errors.Is(err, net.ErrClosed) {
				return
			}
			r.emit(0, "reading from clients failed", 0, err)
			if !r.sleep(&backoff, acceptBackoff) {
				return
			}
			continue
		}
		c := clients[from]
		if c == nil {
			c, err = r.newUDPClient(ln, from, up)
			if err != nil {
				if r.closing() {
					return
				}
				r.emit(0, fmt.Sprintf("cannot open a socket to server %s for client %s", r.upstream, from), 0, err)
				continue
			}
			clients[from] = c
		}
		select {
		case c.toServer <- bytes.Clone(buf[:n]):
		case <-r.ctx.Done():
			return
		}
	}
}

// newUDPClient opens the socket to the server for a new client address and
// starts the goroutines that shape both directions.
func (r *Relay) newUDPClient(ln *net.UDPConn, from netip.AddrPort, up *net.UDPAddr) (*udpClient, error) {
	k := r.nextConn()
	uc, err := net.DialUDP("udp", nil, up)
	if err != nil {
		return nil, err
	}
	if !r.track(uc) {
		return nil, errClosing
	}
	c := &udpClient{k: k, addr: from, up: uc, toServer: make(chan []byte, udpQueue)}
	fromServer := make(chan []byte, udpQueue)
	r.wg.Go(func() {
		r.shape(k, clientToServer, c.toServer, func(p []byte) error {
			_, err := uc.Write(p)
			return err
		})
	})
	r.wg.Go(func() {
		r.shape(k, serverToClient, fromServer, func(p []byte) error {
			_, err := ln.WriteToUDPAddrPort(p, from)
			return err
		})
	})
	r.wg.Go(func() { r.readUpstream(k, uc, fromServer) })
	return c, nil
}

// readUpstream reads the server's replies to one client until the relay
// closes.
func (r *Relay) readUpstream(k int, uc *net.UDPConn, out chan<- []byte) {
	buf := make([]byte, maxDatagram)
	for {
		n, err := uc.Read(buf)
		if err != nil {
			if r.closing() || errors.Is(err, net.ErrClosed) {
				return
			}
			if event.IsRefused(err) {
				// An ICMP "port unreachable" for an earlier datagram: no
				// server there (yet, or any more). Later ones may get through.
				r.emit(k, serverToClient.name()+": server unreachable", 0, err)
				continue
			}
			r.emit(k, serverToClient.name()+": reading from server failed", 0, err)
			return
		}
		select {
		case out <- bytes.Clone(buf[:n]):
		case <-r.ctx.Done():
			return
		}
	}
}

// udpFaults makes one direction's random choices, datagram by datagram.
type udpFaults struct {
	plan Plan
	rng  *rand.Rand
}

// verdict is what happens to one datagram.
type verdict struct {
	size int  // bytes delivered: less than the datagram when truncated
	drop bool // not delivered
	dup  bool // delivered twice
	hold bool // held back to go after the next one
}

func newUDPFaults(plan Plan, conn int, d direction) *udpFaults {
	return &udpFaults{plan: plan, rng: rand.New(rand.NewPCG(uint64(plan.Seed), d.stream(conn)))}
}

// decide draws the fate of a datagram of size bytes. It always draws three
// numbers, so each datagram's choices depend on the seed and its place in
// the direction alone, not on which faults the plan enables.
func (f *udpFaults) decide(size int) verdict {
	loss, dup, hold := f.rng.Float64(), f.rng.Float64(), f.rng.Float64()
	v := verdict{size: size}
	if f.plan.Truncate > 0 && size > f.plan.Truncate {
		v.size = f.plan.Truncate
	}
	v.drop = loss < f.plan.Loss
	v.dup = !v.drop && dup < f.plan.Dup
	v.hold = !v.drop && f.plan.Reorder && hold < reorderChance
	return v
}

// String names a verdict's faults for the test trace, "pass" for none.
func (v verdict) String() string {
	var s []string
	for _, f := range []struct {
		on   bool
		name string
	}{{v.drop, "drop"}, {v.dup, "dup"}, {v.hold, "hold"}} {
		if f.on {
			s = append(s, f.name)
		}
	}
	if len(s) == 0 {
		return "pass"
	}
	return strings.Join(s, "+")
}

// udpShaper applies one direction's faults.
type udpShaper struct {
	r      *Relay
	k      int
	d      direction
	send   func([]byte) error
	faults *udpFaults
	rep    reporter
	delay  *time.Timer

	n       int    // datagrams seen
	held    []byte // a datagram held back, or nil
	heldNum int
	heldDup bool
	flush   *time.Timer
}

// shape applies the plan to the datagrams from in and sends them, until
// the relay closes.
func (r *Relay) shape(k int, d direction, in <-chan []byte, send func([]byte) error) {
	s := &udpShaper{r: r, k: k, d: d, send: send, faults: newUDPFaults(r.plan, k, d), rep: reporter{r: r, conn: k, dir: d}}
	s.flush = time.NewTimer(reorderFlush)
	s.flush.Stop()
	defer s.flush.Stop()
	defer func() {
		if s.delay != nil {
			s.delay.Stop()
		}
	}()
	defer s.rep.finish()
	for {
		var flush <-chan time.Time
		if s.held != nil {
			flush = s.flush.C
		}
		select {
		case p := <-in:
			if !s.handle(p) {
				return
			}
		case <-flush:
			if s.rep.detailed() {
				s.rep.say(len(s.held), "sending held datagram %d, nothing followed it for %v", s.heldNum, reorderFlush)
			}
			if !s.release() {
				return
			}
		case <-r.ctx.Done():
			return
		}
	}
}

// handle applies the faults to one datagram. It reports false when the
// relay closed meanwhile.
func (s *udpShaper) handle(p []byte) bool {
	s.n++
	num := s.n
	v := s.faults.decide(len(p))
	hold := v.hold && s.held == nil
	if !hold {
		v.hold = false
	}
	s.r.record(s.k, s.d, v.String(), v.size)
	if v.size < len(p) {
		s.rep.cut++
		if s.rep.detailed() {
			s.rep.say(v.size, "truncated datagram %d from %d to %d bytes", num, len(p), v.size)
		}
		p = p[:v.size]
	}
	if v.drop {
		s.rep.dropped++
		if s.rep.detailed() {
			s.rep.say(len(p), "dropped datagram %d (%d bytes)", num, len(p))
		}
		return true
	}
	if hold {
		s.rep.held++
		if s.rep.detailed() {
			s.rep.say(len(p), "held datagram %d back", num)
		}
		s.held, s.heldNum, s.heldDup = p, num, v.dup
		s.flush.Reset(reorderFlush)
		return true
	}
	if !s.deliver(p, num, v.dup) {
		return false
	}
	if s.held != nil {
		if s.rep.detailed() {
			s.rep.say(len(s.held), "sending held datagram %d after datagram %d", s.heldNum, num)
		}
		return s.release()
	}
	return true
}

// release sends the held datagram.
func (s *udpShaper) release() bool {
	p, num, dup := s.held, s.heldNum, s.heldDup
	s.held = nil
	s.flush.Stop()
	return s.deliver(p, num, dup)
}

// deliver sends a datagram, twice when dup, after the plan's delay. It
// reports false when the relay closed meanwhile.
func (s *udpShaper) deliver(p []byte, num int, dup bool) bool {
	if s.r.plan.Delay > 0 {
		if !s.r.sleep(&s.delay, s.r.plan.Delay) {
			return false
		}
		s.rep.delayed++
	}
	copies := 1
	if dup {
		copies = 2
		s.rep.duplicated++
		if s.rep.detailed() {
			s.rep.say(len(p), "duplicated datagram %d", num)
		}
	}
	for range copies {
		if err := s.send(p); err != nil {
			if s.r.closing() {
				return false
			}
			s.r.emit(s.k, fmt.Sprintf("%s: sending datagram %d to %s failed", s.d.name(), num, s.d.to()), len(p), err)
		}
	}
	return true
}
