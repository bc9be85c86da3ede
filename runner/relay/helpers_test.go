package relay

import (
	"context"
	"net"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"sockbook/runner/event"
)

// waitBound bounds every wait in these tests. It is a safety net against a
// hang, never a measure of speed: a healthy run takes a small part of it.
const waitBound = 10 * time.Second

// noLeaks fails the test when, after it and its cleanups, more goroutines
// run or (where /proc/self/fd shows them) more files are open than before
// it. Call it first, so its cleanup runs last.
func noLeaks(t *testing.T) {
	t.Helper()
	goroutines, fds := runtime.NumGoroutine(), openFDs()
	t.Cleanup(func() {
		deadline := time.Now().Add(waitBound)
		for {
			g, f := runtime.NumGoroutine(), openFDs()
			if g <= goroutines && f <= fds {
				return
			}
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				buf = buf[:runtime.Stack(buf, true)]
				t.Errorf("before the test %d goroutines and %d files, after it %d and %d %v:\n%s", goroutines, fds, g, f, fdNames(), buf)
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
}

// openFDs counts the process's open files, or returns 0 where it cannot.
func openFDs() int {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return 0
	}
	return len(fds)
}

// fdNames lists what the open files are, to show in a failure.
func fdNames() []string {
	fds, _ := os.ReadDir("/proc/self/fd")
	var names []string
	for _, fd := range fds {
		l, _ := os.Readlink("/proc/self/fd/" + fd.Name())
		names = append(names, fd.Name()+"="+l)
	}
	return names
}

// eventLog collects a relay's events.
type eventLog struct {
	mu     sync.Mutex
	events []event.Event
}

func (l *eventLog) emit(e event.Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, e)
}

// texts returns the events' texts.
func (l *eventLog) texts() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var s []string
	for _, e := range l.events {
		s = append(s, e.Text)
	}
	return s
}

// has reports whether some event's text holds sub.
func (l *eventLog) has(sub string) bool {
	for _, s := range l.texts() {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// traceLog collects a relay's decisions.
type traceLog struct {
	mu        sync.Mutex
	decisions []decision
	changed   chan struct{} // gets a value, without blocking, on each decision
}

func newTraceLog() *traceLog { return &traceLog{changed: make(chan struct{}, 1)} }

func (l *traceLog) record(d decision) {
	l.mu.Lock()
	l.decisions = append(l.decisions, d)
	l.mu.Unlock()
	select {
	case l.changed <- struct{}{}:
	default:
	}
}

// get returns the decisions of one direction with the given kind ("" for
// every kind).
func (l *traceLog) get(dir direction, what string) []decision {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []decision
	for _, d := range l.decisions {
		if d.Dir == dir.name() && (what == "" || d.What == what) {
			out = append(out, d)
		}
	}
	return out
}

// waitFor waits until cond holds, polling whenever a decision is recorded
// and at least every few milliseconds, for at most waitBound.
func waitFor(t *testing.T, what string, cond func() bool, changed <-chan struct{}) {
	t.Helper()
	deadline := time.NewTimer(waitBound)
	defer deadline.Stop()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-changed:
		case <-tick.C:
		case <-deadline.C:
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

// tcpServer runs handle for each connection to a loopback listener; its
// cleanup closes the listener and every connection and waits for handle
// to return.
func tcpServer(t *testing.T, network string, handle func(c *net.TCPConn)) string {
	t.Helper()
	host := "127.0.0.1:0"
	if network == "tcp6" {
		host = "[::1]:0"
	}
	ln, err := net.Listen(network, host)
	if err != nil {
		t.Fatal(err)
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		conns []net.Conn
	)
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			wg.Go(func() {
				defer c.Close()
				handle(c.(*net.TCPConn))
			})
		}
	})
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return ln.Addr().String()
}

// startTestTCP starts a TCP relay that records its events and decisions
// and is closed when the test ends.
func startTestTCP(t *testing.T, upstream string, plan Plan) (*Relay, *eventLog, *traceLog) {
	t.Helper()
	events, trace := &eventLog{}, newTraceLog()
	r, err := startTCP(context.Background(), upstream, plan, events.emit, options{trace: trace.record})
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

// dial connects to addr through TCP with a bound on the wait.
func dial(t *testing.T, addr string) *net.TCPConn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, waitBound)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(waitBound))
	return c.(*net.TCPConn)
}

// pattern returns n bytes that show where in a stream a byte came from.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/251)
	}
	return b
}
