//go:build linux

package relay

import (
	"net"
	"strconv"
	"testing"
	"time"
)

// TestPacerSeesTheReader checks the pacer against a connection whose
// reader the test drives.
func TestPacerSeesTheReader(t *testing.T) {
	tests := []struct {
		name, listen, dial string
	}{
		{"IPv4", "127.0.0.1:0", "127.0.0.1"},
		{"IPv6", "[::1]:0", "::1"},
		// A server listening on ":port" gets IPv6 sockets for IPv4 clients.
		{"dual stack", ":0", "127.0.0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			ln, err := net.Listen("tcp", tt.listen)
			if err != nil {
				t.Skipf("cannot listen on %s: %v", tt.listen, err)
			}
			defer ln.Close()
			port := ln.Addr().(*net.TCPAddr).Port
			w, err := net.DialTimeout("tcp", net.JoinHostPort(tt.dial, strconv.Itoa(port)), waitBound)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			rc, err := ln.Accept()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			rc.SetDeadline(time.Now().Add(waitBound))
			p := newPacer(w.(*net.TCPConn))
			if p == nil {
				t.Fatal("no pacer on Linux")
			}
			defer p.close()
			check := func(written int64, want bool) {
				t.Helper()
				got, err := p.drained(written)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("drained(%d) = %v, want %v", written, got, want)
				}
			}
			check(0, true)
			w.Write([]byte("abc"))
			check(3, false) // unread
			buf := make([]byte, 2)
			rc.Read(buf)
			check(3, false) // one byte left
			rc.Read(buf)
			check(3, true)
			check(4, false) // a byte the reader has not even received
		})
	}
}
