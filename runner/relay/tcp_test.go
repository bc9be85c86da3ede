package relay

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sockbook/runner/event"
)

// echoServer echoes every byte back until the client closes its write
// half, then closes.
func echoServer(t *testing.T) string { return tcpServer(t, "tcp", echo) }

// echo writes back what it reads until EOF. It copies through a buffer,
// not with io.Copy, which would splice through a pipe that Go keeps open
// for reuse, and so look like a leaked file.
func echo(c *net.TCPConn) {
	c.SetDeadline(time.Now().Add(waitBound))
	buf := make([]byte, 64<<10)
	for {
		n, err := c.Read(buf)
		if _, werr := c.Write(buf[:n]); werr != nil || err != nil {
			return
		}
	}
}

func TestPlainProxy(t *testing.T) {
	for _, network := range []string{"tcp", "tcp6"} {
		t.Run(network, func(t *testing.T) {
			noLeaks(t)
			if network == "tcp6" {
				ln, err := net.Listen("tcp6", "[::1]:0")
				if err != nil {
					t.Skipf("no IPv6 loopback: %v", err)
				}
				ln.Close()
			}
			up := tcpServer(t, network, echo)
			r, events, _ := startTestTCP(t, up, Plan{})
			if want := map[string]string{"tcp": "127.0.0.1:", "tcp6": "[::1]:"}[network]; !strings.HasPrefix(r.Addr(), want) {
				t.Errorf("relay listens on %s, want %s…", r.Addr(), want)
			}
			c := dial(t, r.Addr())
			data := pattern(300 << 10)
			go func() {
				c.Write(data)
				c.CloseWrite()
			}()
			got, err := io.ReadAll(c)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, data) {
				t.Fatalf("echo through relay: got %d bytes, want the %d sent", len(got), len(data))
			}
			for _, s := range events.texts() {
				if !strings.Contains(s, "closed its write half") {
					t.Errorf("a plain proxy reported %q", s)
				}
			}
		})
	}
}

func TestChopPiecesAndStream(t *testing.T) {
	tests := []struct {
		name string
		plan Plan
		size int
	}{
		{"1 byte", Plan{Chop: 1}, 500},
		{"1 byte with seed", Plan{Chop: 1, Seed: 9}, 500},
		{"3 bytes", Plan{Chop: 3}, 1000},
		{"random ≤7", Plan{Chop: 7, Seed: 42}, 2000},
		{"1000 bytes", Plan{Chop: 1000}, 100 << 10},
		{"random ≤1000", Plan{Chop: 1000, Seed: -3}, 100 << 10},
		{"64 KiB", Plan{Chop: 65536}, 1 << 20},
		{"with delay", Plan{Chop: 4, Delay: time.Millisecond}, 40},
		{"with coalesce", Plan{Chop: 5, Coalesce: true}, 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			r, _, trace := startTestTCP(t, echoServer(t), tt.plan)
			c := dial(t, r.Addr())
			data := pattern(tt.size)
			go func() {
				c.Write(data)
				c.CloseWrite()
			}()
			got, err := io.ReadAll(c)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, data) {
				t.Fatalf("got %d bytes back, not the %d sent", len(got), len(data))
			}
			for _, dir := range []direction{clientToServer, serverToClient} {
				writes := trace.get(dir, "write")
				total := 0
				for _, w := range writes {
					if w.N < 1 || w.N > tt.plan.Chop {
						t.Fatalf("%s: a piece of %d bytes, want 1 to %d", dir.name(), w.N, tt.plan.Chop)
					}
					total += w.N
				}
				if total != tt.size {
					t.Errorf("%s: pieces add up to %d bytes, want %d", dir.name(), total, tt.size)
				}
				if least := (tt.size + tt.plan.Chop - 1) / tt.plan.Chop; len(writes) < least {
					t.Errorf("%s: %d writes, want at least %d", dir.name(), len(writes), least)
				}
			}
		})
	}
}

// TestChopPiecesReadAlone checks that small pieces are paced: the server
// gets each piece, and only it, in a read of its own.
func TestChopPiecesReadAlone(t *testing.T) {
	tests := []struct {
		name  string
		plan  Plan
		event string
	}{
		{"chop 1", Plan{Chop: 1}, "client→server: chopped 26 bytes into 26 pieces of ≤1"},
		{"chop 1, delayed", Plan{Chop: 1, Delay: time.Millisecond}, "client→server: chopped 26 bytes into 26 pieces of ≤1, each delayed 1ms"},
		{"chop 3", Plan{Chop: 3}, "client→server: chopped 26 bytes into 9 pieces of ≤3"},
		{"random ≤5", Plan{Chop: 5, Seed: 11}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if runtime.GOOS != "linux" {
				t.Skip("pieces are paced only on Linux")
			}
			noLeaks(t)
			reads := make(chan []int, 1)
			up := tcpServer(t, "tcp", func(c *net.TCPConn) {
				c.SetDeadline(time.Now().Add(waitBound))
				var sizes []int
				buf := make([]byte, 64)
				for {
					n, err := c.Read(buf)
					if n > 0 {
						sizes = append(sizes, n)
					}
					if err != nil {
						break
					}
				}
				reads <- sizes
			})
			r, events, trace := startTestTCP(t, up, tt.plan)
			c := dial(t, r.Addr())
			msg := "abcdefghijklmnopqrstuvwxyz"
			if _, err := c.Write([]byte(msg)); err != nil {
				t.Fatal(err)
			}
			c.CloseWrite()
			got := <-reads
			var pieces []int
			for _, w := range trace.get(clientToServer, "write") {
				pieces = append(pieces, w.N)
			}
			if sumN(got) != len(msg) {
				t.Fatalf("server read %d bytes, want %d", sumN(got), len(msg))
			}
			if !slices.Equal(got, pieces) {
				t.Errorf("server's reads %v, want one per piece %v", got, pieces)
			}
			if stalls := trace.get(clientToServer, "stall"); len(stalls) > 0 {
				t.Errorf("pacing gave up waiting for the server: %v", stalls)
			}
			r.Close()
			if tt.event != "" && !slices.Contains(events.texts(), tt.event) {
				t.Errorf("no event %q in %q", tt.event, events.texts())
			}
		})
	}
}

// TestPacingStallsOnIdleReader checks that a receiver that stops reading
// makes pacing give up once, not on every piece.
func TestPacingStallsOnIdleReader(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("pieces are paced only on Linux")
	}
	noLeaks(t)
	done := make(chan []byte, 1)
	up := tcpServer(t, "tcp", func(c *net.TCPConn) {
		c.SetDeadline(time.Now().Add(waitBound))
		first := make([]byte, 1)
		io.ReadFull(c, first)
		// Stop reading until the relay has sent everything else.
		<-done
		rest, _ := io.ReadAll(c)
		done <- append(first, rest...)
	})
	r, _, trace := startTestTCP(t, up, Plan{Chop: 1})
	c := dial(t, r.Addr())
	msg := pattern(200)
	c.Write(msg)
	c.CloseWrite()
	waitFor(t, "the relay to write every byte", func() bool {
		return len(trace.get(clientToServer, "write")) == len(msg)
	}, trace.changed)
	done <- nil
	if got := <-done; !bytes.Equal(got, msg) {
		t.Errorf("server got %d bytes, not the %d sent", len(got), len(msg))
	}
	if stalls := trace.get(clientToServer, "stall"); len(stalls) != 1 {
		t.Errorf("pacing gave up %d times, want once: %v", len(stalls), stalls)
	}
}

func TestCoalesceTwoWritesReadAsOne(t *testing.T) {
	noLeaks(t)
	got := make(chan string, 1)
	up := tcpServer(t, "tcp", func(c *net.TCPConn) {
		c.SetDeadline(time.Now().Add(waitBound))
		buf := make([]byte, 64)
		n, err := c.Read(buf)
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		got <- string(buf[:n])
		c.Write([]byte("ok"))
	})
	r, _, _ := startTestTCP(t, up, Plan{Coalesce: true})
	for i := range 50 {
		c, err := net.DialTimeout("tcp", r.Addr(), waitBound)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(waitBound))
		c.Write([]byte("hello"))
		c.Write([]byte("world"))
		if s := <-got; s != "helloworld" {
			t.Errorf("run %d: server's one read got %q, want %q", i, s, "helloworld")
		}
		reply := make([]byte, 2)
		if _, err := io.ReadFull(c, reply); err != nil || string(reply) != "ok" {
			t.Errorf("run %d: reply %q, %v", i, reply, err)
		}
		c.Close()
	}
}

func TestCoalesceReportsMerge(t *testing.T) {
	noLeaks(t)
	got := make(chan string, 1)
	up := tcpServer(t, "tcp", func(c *net.TCPConn) {
		c.SetDeadline(time.Now().Add(waitBound))
		buf := make([]byte, 64)
		n, _ := c.Read(buf)
		got <- string(buf[:n])
	})
	r, events, trace := startTestTCP(t, up, Plan{Coalesce: true})
	c := dial(t, r.Addr())
	c.Write([]byte("hello"))
	// Write "world" once the relay has read "hello" on its own, so that it
	// holds two reads.
	waitFor(t, "the relay to read hello", func() bool {
		return len(trace.get(clientToServer, "read")) > 0
	}, trace.changed)
	c.Write([]byte("world"))
	if s := <-got; s != "helloworld" {
		t.Fatalf("server's one read got %q, want %q", s, "helloworld")
	}
	r.Close()
	if reads := trace.get(clientToServer, "read"); len(reads) != 2 || reads[0].N != 5 || reads[1].N != 5 {
		t.Errorf("relay's reads %v, want two of 5 bytes", reads)
	}
	if !slices.Contains(events.texts(), "client→server: held 10 bytes back and delivered them as one write") {
		t.Errorf("no merge event in %q", events.texts())
	}
}

func TestChopSeedDeterminism(t *testing.T) {
	run := func(t *testing.T, seed int64) map[string][]int {
		r, _, trace := startTestTCP(t, echoServer(t), Plan{Chop: 64, Seed: seed})
		c := dial(t, r.Addr())
		data := pattern(8000)
		// Several writes, so that the relay's reads end in different
		// places from run to run.
		go func() {
			for b := data; len(b) > 0; b = b[min(len(b), 1500):] {
				c.Write(b[:min(len(b), 1500)])
			}
			c.CloseWrite()
		}()
		got, err := io.ReadAll(c)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Fatalf("stream changed through the relay")
		}
		r.Close()
		draws := map[string][]int{}
		for _, dir := range []direction{clientToServer, serverToClient} {
			for _, d := range trace.get(dir, "draw") {
				draws[dir.name()] = append(draws[dir.name()], d.N)
			}
			if sum := sumN(draws[dir.name()]); sum < len(data) || sum >= len(data)+64 {
				t.Errorf("%s: draws cover %d bytes of a %d-byte stream", dir.name(), sum, len(data))
			}
		}
		return draws
	}
	noLeaks(t)
	a, b, other := run(t, 7), run(t, 7), run(t, 8)
	for dir, d := range a {
		if !slices.Equal(d, b[dir]) {
			t.Errorf("%s: seed 7 cut the stream differently in two runs:\n%v\n%v", dir, d, b[dir])
		}
		if slices.Equal(d, other[dir]) {
			t.Errorf("%s: seeds 7 and 8 cut the stream the same way", dir)
		}
	}
	if slices.Equal(a[clientToServer.name()], a[serverToClient.name()]) {
		t.Errorf("both directions cut the stream the same way")
	}
}

func sumN(ns []int) int {
	s := 0
	for _, n := range ns {
		s += n
	}
	return s
}

// TestChopperCutsIndependentOfReads feeds one stream to seeded choppers
// in differently sized reads: the cuts must fall at the same offsets, and
// count must foresee next.
func TestChopperCutsIndependentOfReads(t *testing.T) {
	const size = 10000
	readings := map[string][]int{
		"one read":      {size},
		"reads of 1000": slices.Repeat([]int{1000}, 10),
		"reads of 7":    append(slices.Repeat([]int{7}, size/7), size%7),
		"growing":       growing(size),
	}
	cutsOf := func(plan Plan, reads []int) []int {
		c := newChopper(plan, 1, clientToServer)
		var cuts []int
		c.onDraw = func(n int) { cuts = append(cuts, n) }
		for _, n := range reads {
			want := c.count(n)
			pieces := 0
			for left := n; left > 0; {
				k := c.next(left)
				if k < 1 || k > plan.Chop {
					t.Fatalf("piece of %d bytes with chop %d", k, plan.Chop)
				}
				left -= k
				pieces++
			}
			if pieces != want {
				t.Fatalf("count(%d) = %d, but next cut it into %d pieces", n, want, pieces)
			}
		}
		return cuts
	}
	for _, chop := range []int{2, 13, 500} {
		plan := Plan{Chop: chop, Seed: 1234}
		want := cutsOf(plan, []int{size})
		for name, reads := range readings {
			if got := cutsOf(plan, reads); !slices.Equal(got, want) {
				t.Errorf("chop %d, %s: cuts differ from one read's", chop, name)
			}
		}
	}
	// Fixed pieces, from each read's start.
	c := newChopper(Plan{Chop: 3}, 1, clientToServer)
	var pieces []int
	for _, n := range []int{5, 5} {
		for left := n; left > 0; {
			k := c.next(left)
			pieces = append(pieces, k)
			left -= k
		}
	}
	if want := []int{3, 2, 3, 2}; !slices.Equal(pieces, want) {
		t.Errorf("chop 3 of two 5-byte reads: pieces %v, want %v", pieces, want)
	}
}

func growing(total int) []int {
	var reads []int
	for n := 1; total > 0; n++ {
		k := min(n, total)
		reads = append(reads, k)
		total -= k
	}
	return reads
}

func TestHalfClose(t *testing.T) {
	plans := []struct {
		name string
		plan Plan
	}{
		{"plain", Plan{}},
		{"chop 3", Plan{Chop: 3}},
		{"coalesce", Plan{Coalesce: true}},
		{"chop and delay", Plan{Chop: 2, Delay: time.Millisecond}},
	}
	for _, p := range plans {
		t.Run(p.name+"/client first", func(t *testing.T) {
			noLeaks(t)
			up := tcpServer(t, "tcp", func(c *net.TCPConn) {
				c.SetDeadline(time.Now().Add(waitBound))
				req, err := io.ReadAll(c) // until the client's FIN
				if err != nil {
					return
				}
				c.Write([]byte("got " + string(req)))
				c.CloseWrite()
			})
			r, events, _ := startTestTCP(t, up, p.plan)
			c := dial(t, r.Addr())
			c.Write([]byte("request"))
			if err := c.CloseWrite(); err != nil {
				t.Fatal(err)
			}
			reply, err := io.ReadAll(c)
			if err != nil {
				t.Fatal(err)
			}
			if string(reply) != "got request" {
				t.Errorf("reply %q, want %q", reply, "got request")
			}
			r.Close()
			for _, want := range []string{
				"client→server: client closed its write half, passing the FIN on to server",
				"server→client: server closed its write half, passing the FIN on to client",
			} {
				if !slices.Contains(events.texts(), want) {
					t.Errorf("no event %q in %q", want, events.texts())
				}
			}
		})
		t.Run(p.name+"/server first", func(t *testing.T) {
			noLeaks(t)
			rest := make(chan string, 1)
			up := tcpServer(t, "tcp", func(c *net.TCPConn) {
				c.SetDeadline(time.Now().Add(waitBound))
				c.Write([]byte("bye"))
				c.CloseWrite()
				b, _ := io.ReadAll(c)
				rest <- string(b)
			})
			r, _, _ := startTestTCP(t, up, p.plan)
			c := dial(t, r.Addr())
			b, err := io.ReadAll(c)
			if err != nil || string(b) != "bye" {
				t.Fatalf("client read %q, %v; want %q then EOF", b, err, "bye")
			}
			c.Write([]byte("still here"))
			c.CloseWrite()
			if s := <-rest; s != "still here" {
				t.Errorf("server read %q after its own FIN, want %q", s, "still here")
			}
		})
	}
}

func TestResetPropagates(t *testing.T) {
	tests := []struct {
		name  string
		reset string // who resets
		plan  Plan
	}{
		{"client resets", "client", Plan{}},
		{"client resets mid-message, coalescing", "client", Plan{Coalesce: true}},
		{"server resets", "server", Plan{}},
		{"server resets, chopped", "server", Plan{Chop: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			serverErr := make(chan error, 1)
			up := tcpServer(t, "tcp", func(c *net.TCPConn) {
				c.SetDeadline(time.Now().Add(waitBound))
				if tt.reset == "server" {
					buf := make([]byte, 4)
					io.ReadFull(c, buf)
					c.SetLinger(0)
					c.Close()
					return
				}
				_, err := io.Copy(io.Discard, c)
				serverErr <- err
			})
			r, events, _ := startTestTCP(t, up, tt.plan)
			c := dial(t, r.Addr())
			c.Write([]byte("half a mess"))
			var err error
			if tt.reset == "client" {
				c.SetLinger(0)
				c.Close()
				err = <-serverErr
			} else {
				_, err = io.Copy(io.Discard, c)
			}
			other := map[string]string{"client": "server", "server": "client"}[tt.reset]
			if !errors.Is(err, syscall.ECONNRESET) {
				t.Errorf("%s's read ended with %v, want a reset", other, err)
			}
			r.Close()
			want := fmt.Sprintf("reset from %s, resetting %s", tt.reset, other)
			if !events.has(want) {
				t.Errorf("no event %q in %q", want, events.texts())
			}
		})
	}
}

func TestUnreachableServerResetsClient(t *testing.T) {
	noLeaks(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	up := ln.Addr().String()
	ln.Close() // nothing listens there now
	r, events, _ := startTestTCP(t, up, Plan{Chop: 1})
	// The relay accepts, fails to reach the server and resets the client,
	// which may see the reset as soon as its Dial or only on its first Read.
	c, err := net.DialTimeout("tcp", r.Addr(), waitBound)
	if err == nil {
		defer c.Close()
		c.SetDeadline(time.Now().Add(waitBound))
		_, err = c.Read(make([]byte, 1))
	}
	if !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("client got %v, want a reset", err)
	}
	r.Close()
	if !events.has("cannot reach server " + up + ", resetting client") {
		t.Errorf("no event in %q", events.texts())
	}
}

func TestEventsStayFew(t *testing.T) {
	tests := []struct {
		name    string
		plan    Plan
		size    int // one stream of size bytes, or
		msgs    int // msgs messages of 100 bytes, each echoed before the next
		summary string
	}{
		{name: "1 MiB stream, chop 64 KiB", plan: Plan{Chop: 65536}, size: 1 << 20},
		{name: "4 MiB stream, chop 4 KiB", plan: Plan{Chop: 4096}, size: 4 << 20},
		{name: "100 messages, chop 16", plan: Plan{Chop: 16}, msgs: 100,
			summary: "client→server: in all: chopped 10000 bytes into 700 pieces of ≤16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			r, events, _ := startTestTCP(t, echoServer(t), tt.plan)
			c := dial(t, r.Addr())
			if tt.size > 0 {
				data := pattern(tt.size)
				go func() {
					c.Write(data)
					c.CloseWrite()
				}()
				got, err := io.ReadAll(c)
				if err != nil || !bytes.Equal(got, data) {
					t.Fatalf("stream changed: %d bytes, %v", len(got), err)
				}
			}
			for i := range tt.msgs {
				msg := bytes.Repeat([]byte{byte('a' + i%26)}, 100)
				c.Write(msg)
				back := make([]byte, len(msg))
				if _, err := io.ReadFull(c, back); err != nil || !bytes.Equal(back, msg) {
					t.Fatalf("message %d came back as %q, %v", i, back, err)
				}
			}
			c.CloseWrite()
			r.Close()
			texts := events.texts()
			// Per direction at most: the detailed events, a note that the
			// rest are counted, the totals, and the FIN.
			if most := 2 * (detailLimit + 3); len(texts) > most {
				t.Errorf("%d events, want at most %d", len(texts), most)
			}
			if tt.summary != "" && !slices.Contains(texts, tt.summary) {
				t.Errorf("no event %q in %q", tt.summary, texts)
			}
		})
	}
}

func TestCloseStopsEverything(t *testing.T) {
	for _, how := range []string{"Close", "context"} {
		t.Run(how, func(t *testing.T) {
			noLeaks(t)
			hold := make(chan struct{})
			up := tcpServer(t, "tcp", func(c *net.TCPConn) {
				select { // hold the connection open until the test ends
				case <-hold:
				case <-time.After(waitBound):
				}
			})
			t.Cleanup(func() { close(hold) })
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var (
				mu     sync.Mutex
				closed bool
				late   []string
			)
			r, err := StartTCP(ctx, up, Plan{Chop: 2, Delay: time.Hour}, func(e event.Event) {
				mu.Lock()
				defer mu.Unlock()
				if closed {
					late = append(late, e.Text)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			addr := r.Addr()
			c := dial(t, addr)
			// The relay is now waiting an hour to deliver the first piece.
			c.Write([]byte("stuck"))
			if how == "context" {
				cancel()
				waitFor(t, "the relay to stop listening", func() bool {
					d, err := net.Dial("tcp", addr)
					if err == nil {
						d.Close()
					}
					return err != nil
				}, nil)
			}
			if err := r.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			mu.Lock()
			closed = true
			mu.Unlock()
			if err := r.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
			if _, err := c.Read(make([]byte, 1)); err == nil {
				t.Errorf("client's connection still open after Close")
			}
			if d, err := net.Dial("tcp", addr); err == nil {
				d.Close()
				t.Errorf("something still listens on %s after Close", addr)
			}
			// The port is free again.
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				t.Errorf("cannot listen on %s after Close: %v", addr, err)
			} else {
				ln.Close()
			}
			mu.Lock()
			defer mu.Unlock()
			if len(late) > 0 {
				t.Errorf("events after Close: %q", late)
			}
		})
	}
}

func TestBadPlans(t *testing.T) {
	tests := []struct {
		network string
		plan    Plan
		want    string
	}{
		{"tcp", Plan{Chop: -1}, "chop -1 is negative"},
		{"tcp", Plan{Delay: -time.Second}, "delay -1s is negative"},
		{"tcp", Plan{Loss: 0.5}, "apply to UDP only"},
		{"udp", Plan{Chop: 3}, "apply to TCP only"},
		{"udp", Plan{Loss: 1.5}, "loss 1.5 is not a probability"},
		{"udp", Plan{Dup: -0.1}, "dup -0.1 is not a probability"},
		{"udp", Plan{Truncate: -2}, "truncate -2 is negative"},
		{"tcp", Plan{}, "missing port"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			noLeaks(t)
			up := "127.0.0.1:9"
			if tt.want == "missing port" {
				up = "127.0.0.1"
			}
			start := StartTCP
			if tt.network == "udp" {
				start = StartUDP
			}
			r, err := start(context.Background(), up, tt.plan, nil)
			if err == nil {
				r.Close()
				t.Fatalf("%s relay started with %+v", tt.network, tt.plan)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "relay "+up+": ") {
				t.Errorf("error %q, want one naming the upstream and saying %q", err, tt.want)
			}
		})
	}
}
