package relay

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"net"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sockbook/runner/event"
)

// udpServer calls handle for each datagram that reaches a loopback
// socket; its cleanup closes the socket and waits for the reader.
func udpServer(t *testing.T, handle func(pc *net.UDPConn, p []byte, from netip.AddrPort)) string {
	t.Helper()
	pc, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		buf := make([]byte, maxDatagram)
		for {
			n, from, err := pc.ReadFromUDPAddrPort(buf)
			if err != nil {
				return
			}
			handle(pc, bytes.Clone(buf[:n]), from)
		}
	})
	t.Cleanup(func() {
		pc.Close()
		wg.Wait()
	})
	return pc.LocalAddr().String()
}

// udpEcho is a server that sends every datagram back.
func udpEcho(pc *net.UDPConn, p []byte, from netip.AddrPort) { pc.WriteToUDPAddrPort(p, from) }

// startTestUDP starts a UDP relay that records its events and decisions
// and is closed when the test ends.
func startTestUDP(t *testing.T, upstream string, plan Plan) (*Relay, *eventLog, *traceLog) {
	t.Helper()
	events, trace := &eventLog{}, newTraceLog()
	r, err := startUDP(context.Background(), upstream, plan, events.emit, options{trace: trace.record})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return r, events, trace
}

// dialUDP opens a client socket connected to addr.
func dialUDP(t *testing.T, addr string) *net.UDPConn {
	t.Helper()
	c, err := net.Dial("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(waitBound))
	return c.(*net.UDPConn)
}

func TestUDPRelay(t *testing.T) {
	big := pattern(60000)
	tests := []struct {
		name   string
		plan   Plan
		want   func(sent []byte) []byte
		events []string
	}{
		{"plain", Plan{}, func(p []byte) []byte { return p }, nil},
		{"delay", Plan{Delay: time.Millisecond}, func(p []byte) []byte { return p }, nil},
		{"truncate 4", Plan{Truncate: 4}, func(p []byte) []byte { return p[:min(len(p), 4)] }, []string{
			"client→server: truncated datagram 1 from 5 to 4 bytes",
			"client→server: truncated datagram 4 from 60000 to 4 bytes",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			r, events, _ := startTestUDP(t, udpServer(t, udpEcho), tt.plan)
			c := dialUDP(t, r.Addr())
			buf := make([]byte, maxDatagram)
			for _, p := range [][]byte{[]byte("hello"), []byte("hi"), {}, big} {
				if _, err := c.Write(p); err != nil {
					t.Fatal(err)
				}
				n, err := c.Read(buf)
				if err != nil {
					t.Fatal(err)
				}
				if want := tt.want(p); !bytes.Equal(buf[:n], want) {
					t.Errorf("sent %d bytes, got back %d, want %d", len(p), n, len(want))
				}
			}
			r.Close()
			for _, want := range tt.events {
				if !slices.Contains(events.texts(), want) {
					t.Errorf("no event %q in %q", want, events.texts())
				}
			}
			if tt.events == nil && len(events.texts()) > 0 {
				t.Errorf("events %q, want none", events.texts())
			}
		})
	}
}

func TestUDPClientsGetTheirOwnSocket(t *testing.T) {
	noLeaks(t)
	up := udpServer(t, func(pc *net.UDPConn, p []byte, from netip.AddrPort) {
		pc.WriteToUDPAddrPort([]byte(string(p)+"@"+from.String()), from)
	})
	r, _, _ := startTestUDP(t, up, Plan{})
	seen := map[string]string{} // client name -> relay socket the server saw
	for _, name := range []string{"a", "b", "c"} {
		c := dialUDP(t, r.Addr())
		for range 2 {
			c.Write([]byte(name))
			buf := make([]byte, 100)
			n, err := c.Read(buf)
			if err != nil {
				t.Fatal(err)
			}
			got, via, _ := strings.Cut(string(buf[:n]), "@")
			if got != name {
				t.Errorf("client %s got the reply for %s", name, got)
			}
			if seen[name] != "" && seen[name] != via {
				t.Errorf("client %s came through %s, then %s", name, seen[name], via)
			}
			seen[name] = via
		}
	}
	if vias := slices.Compact(slices.Sorted(maps.Values(seen))); len(vias) != 3 {
		t.Errorf("three clients came through %d sockets: %v", len(vias), seen)
	}
}

// udpRun is what one run of the determinism test saw.
type udpRun struct {
	decisions map[string][]string // per direction, each datagram's faults
	server    map[string]int      // payloads the server got, and how often
}

// runUDPTraffic sends 30 datagrams through a faulty relay to a server that
// answers each with "ack", and waits until everything that the relay's
// decisions let through has arrived.
func runUDPTraffic(t *testing.T, plan Plan) udpRun {
	const count = 30
	var (
		mu      sync.Mutex
		server  = map[string]int{}
		atSrv   int
		atCli   int
		changed = make(chan struct{}, 1)
	)
	poke := func() {
		select {
		case changed <- struct{}{}:
		default:
		}
	}
	up := udpServer(t, func(pc *net.UDPConn, p []byte, from netip.AddrPort) {
		mu.Lock()
		server[string(p)]++
		atSrv++
		mu.Unlock()
		poke()
		pc.WriteToUDPAddrPort([]byte("ack"), from)
	})
	r, _, trace := startTestUDP(t, up, plan)
	go func() { // forward the trace's pokes
		for range trace.changed {
			poke()
		}
	}()
	defer close(trace.changed)
	c := dialUDP(t, r.Addr())
	var wg sync.WaitGroup
	defer wg.Wait()
	defer c.Close()
	wg.Go(func() {
		buf := make([]byte, 100)
		for {
			if _, err := c.Read(buf); err != nil {
				return
			}
			mu.Lock()
			atCli++
			mu.Unlock()
			poke()
		}
	})
	for i := range count {
		c.Write(fmt.Appendf(nil, "%02d-datagram", i+1))
	}
	copies := func(ds []decision) int {
		n := 0
		for _, d := range ds {
			switch {
			case strings.Contains(d.What, "drop"):
			case strings.Contains(d.What, "dup"):
				n += 2
			default:
				n++
			}
		}
		return n
	}
	locked := func(f func() bool) func() bool {
		return func() bool {
			mu.Lock()
			defer mu.Unlock()
			return f()
		}
	}
	waitFor(t, "the relay to decide on every datagram", func() bool {
		return len(trace.get(clientToServer, "")) == count
	}, changed)
	toServer := copies(trace.get(clientToServer, ""))
	waitFor(t, "the server to get what the relay let through", locked(func() bool { return atSrv == toServer }), changed)
	waitFor(t, "the relay to decide on every reply", func() bool {
		return len(trace.get(serverToClient, "")) == toServer
	}, changed)
	toClient := copies(trace.get(serverToClient, ""))
	waitFor(t, "the client to get what the relay let through", locked(func() bool { return atCli == toClient }), changed)
	r.Close()

	run := udpRun{decisions: map[string][]string{}, server: server}
	for _, dir := range []direction{clientToServer, serverToClient} {
		for _, d := range trace.get(dir, "") {
			run.decisions[dir.name()] = append(run.decisions[dir.name()], fmt.Sprintf("%s/%d", d.What, d.N))
		}
	}
	// What the server got must be what the decisions said, truncated.
	want := map[string]int{}
	for i, d := range trace.get(clientToServer, "") {
		p := fmt.Sprintf("%02d-datagram", i+1)
		if plan.Truncate > 0 {
			p = p[:min(len(p), plan.Truncate)]
		}
		if n := copies([]decision{d}); n > 0 {
			want[p] += n
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if !maps.Equal(server, want) {
		t.Errorf("server got %v, decisions said %v", server, want)
	}
	return run
}

func TestUDPSeedDeterminism(t *testing.T) {
	noLeaks(t)
	plan := Plan{Loss: 0.3, Dup: 0.3, Reorder: true, Truncate: 6, Seed: 2026}
	a, b := runUDPTraffic(t, plan), runUDPTraffic(t, plan)
	plan.Seed++
	other := runUDPTraffic(t, plan)
	for dir, d := range a.decisions {
		if !slices.Equal(d, b.decisions[dir]) {
			t.Errorf("%s: same seed, different decisions:\n%v\n%v", dir, d, b.decisions[dir])
		}
		if slices.Equal(d, other.decisions[dir]) {
			t.Errorf("%s: seeds %d and %d made the same decisions", dir, plan.Seed-1, plan.Seed)
		}
	}
	if !maps.Equal(a.server, b.server) {
		t.Errorf("same seed, the server got %v and %v", a.server, b.server)
	}
	// The seed chosen exercises every fault.
	all := strings.Join(a.decisions[clientToServer.name()], " ")
	for _, f := range []string{"drop", "dup", "hold", "pass"} {
		if !strings.Contains(all, f) {
			t.Errorf("client→server decisions %q have no %s", all, f)
		}
	}
}

// TestUDPShaperOrder drives one direction's shaper with a recording send
// and checks each datagram's fate against its decision: dropped ones never
// sent, duplicated ones sent twice, held ones sent right after the next
// datagram that is sent.
func TestUDPShaperOrder(t *testing.T) {
	plan := Plan{Loss: 0.2, Dup: 0.2, Reorder: true, Seed: 5}
	events := &eventLog{}
	trace := newTraceLog()
	r := newRelay(context.Background(), "127.0.0.1:9", plan, events.emit, options{trace: trace.record})
	defer r.cancel()
	var sent []string
	s := &udpShaper{
		r: r, k: 1, d: clientToServer,
		send:   func(p []byte) error { sent = append(sent, string(p)); return nil },
		faults: newUDPFaults(plan, 1, clientToServer),
		rep:    reporter{r: r, conn: 1, dir: clientToServer},
		flush:  time.NewTimer(time.Hour),
	}
	defer s.flush.Stop()
	const count = 200
	for i := range count {
		if !s.handle(fmt.Appendf(nil, "%d", i+1)) {
			t.Fatal("shaper stopped")
		}
	}
	if s.held != nil {
		s.release() // as the flush timer would
	}
	// The oracle: the order the decisions call for.
	var want []string
	held, heldTimes := "", 0
	for i, d := range trace.get(clientToServer, "") {
		p, times := fmt.Sprint(i+1), 1
		if strings.Contains(d.What, "dup") {
			times = 2
		}
		switch {
		case strings.Contains(d.What, "drop"):
		case strings.Contains(d.What, "hold"):
			if held != "" {
				t.Fatalf("datagram %d held while %s is held", i+1, held)
			}
			held, heldTimes = p, times
		default:
			for range times {
				want = append(want, p)
			}
			for range heldTimes {
				want = append(want, held)
			}
			held, heldTimes = "", 0
		}
	}
	for range heldTimes {
		want = append(want, held)
	}
	if !slices.Equal(sent, want) {
		t.Errorf("sent %v\nwant %v", sent, want)
	}
	for _, w := range []string{"dropped datagram", "duplicated datagram", "held datagram", "sending held datagram"} {
		if !events.has(w) {
			t.Errorf("no %q event in the first %d", w, detailLimit)
		}
	}
	s.rep.finish()
	if last := events.texts()[len(events.texts())-1]; !strings.HasPrefix(last, "client→server: in all: dropped ") {
		t.Errorf("last event %q, want the totals", last)
	}
}

func TestUDPFaultRates(t *testing.T) {
	tests := []struct {
		plan                 Plan
		drop, dup, hold, cut float64
	}{
		{Plan{}, 0, 0, 0, 0},
		{Plan{Loss: 1}, 1, 0, 0, 0},
		{Plan{Dup: 1, Truncate: 10}, 0, 1, 0, 1},
		{Plan{Loss: 0.25, Dup: 0.1, Reorder: true, Seed: 3}, 0.25, 0.075, 0.375, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.plan), func(t *testing.T) {
			const n = 20000
			f := newUDPFaults(tt.plan, 1, serverToClient)
			var drop, dup, hold, cut int
			for range n {
				v := f.decide(20)
				drop += b2i(v.drop)
				dup += b2i(v.dup)
				hold += b2i(v.hold)
				cut += b2i(v.size < 20)
			}
			for _, r := range []struct {
				name      string
				got, want float64
			}{
				{"drop", float64(drop) / n, tt.drop},
				{"dup", float64(dup) / n, tt.dup},
				{"hold", float64(hold) / n, tt.hold},
				{"truncate", float64(cut) / n, tt.cut},
			} {
				if r.got < r.want-0.02 || r.got > r.want+0.02 {
					t.Errorf("%s rate %.3f, want %.3f", r.name, r.got, r.want)
				}
			}
		})
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestUDPHeldDatagramIsFlushed(t *testing.T) {
	noLeaks(t)
	plan := Plan{Reorder: true}
	for !newUDPFaults(plan, 1, clientToServer).decide(5).hold {
		plan.Seed++
	}
	got := make(chan string, 1)
	up := udpServer(t, func(_ *net.UDPConn, p []byte, _ netip.AddrPort) { got <- string(p) })
	r, events, _ := startTestUDP(t, up, plan)
	c := dialUDP(t, r.Addr())
	c.Write([]byte("alone"))
	select {
	case p := <-got:
		if p != "alone" {
			t.Errorf("server got %q", p)
		}
	case <-time.After(waitBound):
		t.Fatal("the held datagram never came")
	}
	r.Close()
	for _, want := range []string{
		"client→server: held datagram 1 back",
		"client→server: sending held datagram 1, nothing followed it for 100ms",
	} {
		if !slices.Contains(events.texts(), want) {
			t.Errorf("no event %q in %q", want, events.texts())
		}
	}
}

func TestUDPServerUnreachable(t *testing.T) {
	noLeaks(t)
	pc, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	up := pc.LocalAddr().String()
	pc.Close() // nothing there now
	r, events, _ := startTestUDP(t, up, Plan{})
	c := dialUDP(t, r.Addr())
	c.Write([]byte("anyone?"))
	waitFor(t, "an unreachable event", func() bool { return events.has("server→client: server unreachable") }, nil)
}

func TestUDPCloseStopsEverything(t *testing.T) {
	noLeaks(t)
	got := make(chan struct{}, 10)
	up := udpServer(t, func(_ *net.UDPConn, _ []byte, _ netip.AddrPort) { got <- struct{}{} })
	var (
		mu     sync.Mutex
		closed bool
		late   []string
	)
	trace := newTraceLog()
	r, err := startUDP(context.Background(), up, Plan{Delay: time.Hour}, func(e event.Event) {
		mu.Lock()
		defer mu.Unlock()
		if closed {
			late = append(late, e.Text)
		}
	}, options{trace: trace.record})
	if err != nil {
		t.Fatal(err)
	}
	addr := r.Addr()
	// Two clients, their first datagrams stuck in an hour's delay and their
	// second ones queued behind.
	for range 2 {
		c := dialUDP(t, addr)
		c.Write([]byte("one"))
		c.Write([]byte("two"))
	}
	waitFor(t, "both clients' first datagrams", func() bool {
		return len(trace.get(clientToServer, "")) == 2
	}, trace.changed)
	if err := r.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	mu.Lock()
	closed = true
	mu.Unlock()
	pc, err := net.ListenPacket("udp", addr)
	if err != nil {
		t.Errorf("cannot bind %s after Close: %v", addr, err)
	} else {
		pc.Close()
	}
	if len(got) > 0 {
		t.Errorf("the server got %d datagrams that were to wait an hour", len(got))
	}
	mu.Lock()
	defer mu.Unlock()
	if len(late) > 0 {
		t.Errorf("events after Close: %q", late)
	}
}
