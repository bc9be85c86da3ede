package relay

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"testing"
)

// streamSize is what each benchmark operation sends: 100 MiB.
const streamSize = 100 << 20

// BenchmarkDirect sends 100 MiB from a client to a server that discards
// it, over loopback with no relay: the baseline.
func BenchmarkDirect(b *testing.B) {
	benchStream(b, func(b *testing.B, server string) string { return server })
}

// BenchmarkRelayPlain sends the same stream through a relay with a zero
// plan.
func BenchmarkRelayPlain(b *testing.B) {
	benchStream(b, relayFor(Plan{}))
}

// BenchmarkRelayChop65536 sends the same stream through a relay that
// delivers it in pieces of at most 64 KiB.
func BenchmarkRelayChop65536(b *testing.B) {
	benchStream(b, relayFor(Plan{Chop: 65536}))
}

// BenchmarkRelayChop65536Seeded is the same with random piece sizes.
func BenchmarkRelayChop65536Seeded(b *testing.B) {
	benchStream(b, relayFor(Plan{Chop: 65536, Seed: 1}))
}

// relayFor returns a setup that puts a relay with plan in front of the
// server, closed when the benchmark ends.
func relayFor(plan Plan) func(b *testing.B, server string) string {
	return func(b *testing.B, server string) string {
		r, err := StartTCP(context.Background(), server, plan, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { r.Close() })
		return r.Addr()
	}
}

// benchStream runs a discarding server, lets setup choose the address the
// client dials, and times one 100 MiB stream per operation, from Dial to
// the server's EOF.
func benchStream(b *testing.B, setup func(b *testing.B, server string) string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	var wg sync.WaitGroup
	received := make(chan int64)
	wg.Go(func() {
		buf := make([]byte, 256<<10)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			var n int64
			for {
				m, err := c.Read(buf)
				n += int64(m)
				if err != nil {
					if !errors.Is(err, io.EOF) {
						b.Error(err)
					}
					break
				}
			}
			c.Close()
			received <- n
		}
	})
	b.Cleanup(func() {
		ln.Close()
		wg.Wait()
	})
	addr := setup(b, ln.Addr().String())
	data := make([]byte, 1<<20)
	b.SetBytes(streamSize)
	cpu := cpuTime()
	for b.Loop() {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			b.Fatal(err)
		}
		for sent := 0; sent < streamSize; sent += len(data) {
			if _, err := c.Write(data); err != nil {
				b.Fatal(err)
			}
		}
		c.(*net.TCPConn).CloseWrite()
		if n := <-received; n != streamSize {
			b.Fatalf("server got %d bytes, want %d", n, streamSize)
		}
		c.Close()
	}
	if cpu > 0 {
		b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
