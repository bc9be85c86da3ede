package check

import (
	"io"
	"net"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"sockbook/runner/sockdiag"
)

// TestUnreadBytes checks that the checker sees how much of what it sent
// the server has not read yet: chopped writes depend on it.
func TestUnreadBytes(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("unread bytes are only known on Linux")
	}
	for _, network := range []string{"tcp4", "tcp6"} {
		t.Run(network, func(t *testing.T) {
			host := map[string]string{"tcp4": "127.0.0.1", "tcp6": "::1"}[network]
			ln, err := net.Listen(network, net.JoinHostPort(host, "0"))
			if err != nil {
				t.Skipf("no %s loopback: %v", network, err)
			}
			defer ln.Close()
			client, err := net.Dial(network, ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer client.Close()
			server, err := ln.Accept()
			if err != nil {
				t.Fatal(err)
			}
			defer server.Close()
			c := client.(*net.TCPConn)

			waitFor := func(want int) {
				t.Helper()
				deadline := time.Now().Add(5 * time.Second)
				for {
					got, err := sockdiag.Unread(c)
					if err != nil {
						t.Fatal(err)
					}
					if got == want {
						return
					}
					if time.Now().After(deadline) {
						t.Fatalf("unread bytes: %d, want %d", got, want)
					}
					time.Sleep(time.Millisecond)
				}
			}
			waitFor(0)
			if _, err := c.Write([]byte("0123456789")); err != nil {
				t.Fatal(err)
			}
			waitFor(10)
			if _, err := io.ReadFull(server, make([]byte, 4)); err != nil {
				t.Fatal(err)
			}
			waitFor(6)
			if _, err := io.ReadFull(server, make([]byte, 6)); err != nil {
				t.Fatal(err)
			}
			waitFor(0)
		})
	}
}

func TestShowAndCompare(t *testing.T) {
	tests := []struct {
		b    []byte
		want string
	}{
		{nil, "nothing"},
		{[]byte("hi\n"), `"hi\n"`},
		{[]byte(strings.Repeat("a", 100)), `"` + strings.Repeat("a", 40) + `"…"` + strings.Repeat("a", 16) + `" (100 bytes)`},
	}
	for _, tt := range tests {
		if got := show(tt.b); got != tt.want {
			t.Errorf("show(%q) = %s, want %s", tt.b, got, tt.want)
		}
	}
	if f := compare("x", []byte("same"), []byte("same")); f != nil {
		t.Errorf("compare of equal bytes: %v", f)
	}
	long := []byte(strings.Repeat("a", 1000))
	other := []byte(strings.Repeat("a", 500) + "b" + strings.Repeat("a", 499))
	f := compare("the echo", long, other)
	if f == nil || !strings.Contains(f.What, "byte 500") || !strings.Contains(f.Got, `"baaa`) {
		t.Errorf("compare of long bytes: %v", f)
	}
}

func TestCheckTime(t *testing.T) {
	now := time.Now()
	tests := []struct {
		layout, reply string
		ok            bool
	}{
		{"", now.Format(defaultTimeLayout), true},
		{"", now.UTC().Format(defaultTimeLayout), true},
		{"", "", false},
		{"", now.Add(-time.Hour).Format(defaultTimeLayout), now.Add(-time.Hour).Format(defaultTimeLayout) == now.UTC().Format(defaultTimeLayout)},
		{"15:04", now.Format("15:04"), true},
		{"2006", now.Format("2006"), true},
		{"2006", "1999", false},
		{time.RFC1123, now.Format(time.RFC1123), true},
		{"15:04", now.Format(defaultTimeLayout), false},
	}
	for _, tt := range tests {
		err := checkTime(tt.layout, tt.reply, now, now)
		if (err == nil) != tt.ok {
			t.Errorf("checkTime(%q, %q): %v, want ok=%v", tt.layout, tt.reply, err, tt.ok)
		}
	}
}

// TestNothingFails checks that programs that do nothing fail every
// scenario, within its time: servers that answer nothing (one holds every
// connection open, one closes it at once; over UDP, one ignores
// datagrams, one answers with empty ones), and clients that do nothing
// and exit. A check that received nothing fails. The one exception: a
// client that only exits 1 passes the scenarios where exit status 1 is
// all a correct client can show.
func TestNothingFails(t *testing.T) {
	programs := map[string][]string{
		"tcp":    {"tcp-hold", "tcp-close"},
		"udp":    {"udp-ignore", "udp-empty"},
		"client": {"client-exit-0", "client-exit-1"},
	}
	passes := map[string][]string{"client-exit-1": {"no-server", "missing-file"}}
	for _, ex := range All() {
		kind := ex.Network
		if ex.Role == ClientRole {
			kind = "client"
		}
		for _, name := range programs[kind] {
			fail := slices.DeleteFunc(scenarioNames(ex), func(sc string) bool { return slices.Contains(passes[name], sc) })
			t.Run(ex.ID+"/"+name, func(t *testing.T) {
				t.Parallel()
				checkProgram(t, ex, flawDir("nothing", name), fail...)
			})
		}
	}
}

// scenarioNames returns the names of ex's scenarios.
func scenarioNames(ex Exercise) []string {
	var names []string
	for _, sc := range ex.Scenarios {
		names = append(names, sc.Name)
	}
	return names
}
