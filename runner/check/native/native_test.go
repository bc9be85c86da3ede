package native

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// program builds testdata/program once per test.
func program(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "program")
	if err := Build(context.Background(), filepath.Join("testdata", "program"), bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

func TestStartServer(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the harness finds listeners in /proc")
	}
	bin := program(t)
	for _, network := range []string{"tcp", "udp"} {
		t.Run(network, func(t *testing.T) {
			p, addr, err := StartServer(bin, network, func(string) []string { return []string{"-listen", network} })
			if err != nil {
				t.Fatal(err)
			}
			defer p.Stop()
			if !strings.HasPrefix(addr, "127.0.0.1:") {
				t.Errorf("address %q, want one on 127.0.0.1", addr)
			}
			if rss, err := p.Status("VmRSS"); err != nil || rss <= 0 {
				t.Errorf("VmRSS = %d, %v", rss, err)
			}
			p.Stop()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if _, err := p.ExitCode(ctx); err != nil {
				t.Errorf("after Stop: %v", err)
			}
		})
	}
}

// TestStartServerNeverListens checks that a program that exits without
// listening is the program's failure, with its stderr.
func TestStartServerNeverListens(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the harness finds listeners in /proc")
	}
	_, _, err := StartServer(program(t), "tcp", func(string) []string { return []string{"-exit", "3"} })
	var never *NotListening
	if !errors.As(err, &never) || !strings.Contains(never.Why, "to stderr") {
		t.Errorf("StartServer = %v, want a NotListening error with the program's stderr", err)
	}
}

// TestListensOn checks that a socket on the port counts only when it is
// the process's own: a UDP socket of someone else's on the same port once
// passed for the server's.
func TestListensOn(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the harness finds listeners in /proc")
	}
	bin := program(t)
	for _, network := range []string{"tcp", "udp"} {
		t.Run(network, func(t *testing.T) {
			var port int
			var closeTheirs func() error
			if network == "tcp" {
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					t.Fatal(err)
				}
				port, closeTheirs = ln.Addr().(*net.TCPAddr).Port, ln.Close
			} else {
				pc, err := net.ListenPacket("udp", "127.0.0.1:0")
				if err != nil {
					t.Fatal(err)
				}
				port, closeTheirs = pc.LocalAddr().(*net.UDPAddr).Port, pc.Close
			}
			defer closeTheirs()
			other, err := Start(bin, "-listen", network)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Stop()
			if own, err := other.listensOn(network, port); err != nil || own {
				t.Errorf("listensOn(the test's own port) = %v, %v; want false", own, err)
			}

			closeTheirs()
			p, err := Start(bin, "-listen", network, "-addr", "127.0.0.1:"+strconv.Itoa(port))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Stop()
			if err := p.waitListening(network, "127.0.0.1:"+strconv.Itoa(port)); err != nil {
				t.Errorf("waitListening: %v", err)
			}
		})
	}
}

func TestRunClient(t *testing.T) {
	bin := program(t)
	r, err := RunClient(context.Background(), bin, []string{"-exit", "1", "one", "two"})
	if err != nil || r.Code != 1 || r.Stdout != "args: [one two]\n" || r.Stderr != "to stderr\n" {
		t.Errorf("RunClient = %+v, %v", r, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	r, err = RunClient(ctx, bin, []string{"-listen", "tcp"})
	if err == nil || r.Code != -1 {
		t.Errorf("RunClient of a program that never ends = %+v, %v; want it stopped with an error", r, err)
	}
}
