// Package native runs exercise programs built with the go command as
// plain processes, with no runner in between: a server on a free loopback
// port, found listening without being connected to, or a client until it
// exits. The checkers' own tests and the mutation tool play their
// scenarios against programs run this way, which is many times faster
// than the interpreter and sees the same wire.
package native

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"sockbook/runner/listenwait"
)

// Bounds of the harness itself, not of any scenario.
const (
	// BuildTimeout bounds one go build.
	BuildTimeout = 3 * time.Minute
	// listenTimeout bounds the wait for a server to listen.
	listenTimeout = 10 * time.Second
	// stopTimeout bounds the wait for a killed process to be reaped.
	stopTimeout = 5 * time.Second
	// outputCap bounds how much of a program's output is kept.
	outputCap = 64 << 10
)

// Build compiles the package main in dir into the binary out with the go
// command; flags go before the package (for example -overlay). A program
// that does not compile gives an error holding the compiler's message.
func Build(ctx context.Context, dir, out string, flags ...string) error {
	ctx, cancel := context.WithTimeout(ctx, BuildTimeout)
	defer cancel()
	args := append([]string{"build", "-o", out}, flags...)
	cmd := exec.CommandContext(ctx, "go", append(args, ".")...)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", dir, err, msg)
	}
	return nil
}

// Process is a running program in a process group of its own.
type Process struct {
	cmd    *exec.Cmd
	stdout capped
	stderr capped
	exited chan struct{} // closed when the process has been waited for
	state  *os.ProcessState
	once   sync.Once
}

// Start starts bin with args.
func Start(bin string, args ...string) (*Process, error) {
	p := &Process{exited: make(chan struct{})}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Stdout = &p.stdout
	p.cmd.Stderr = &p.stderr
	setProcessGroup(p.cmd)
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	go func() {
		p.cmd.Wait()
		p.state = p.cmd.ProcessState
		close(p.exited)
	}()
	return p, nil
}

// Stop kills the process and everything it started, and waits for it.
func (p *Process) Stop() {
	p.once.Do(func() {
		killGroup(p.cmd)
		select {
		case <-p.exited:
		case <-time.After(stopTimeout):
		}
	})
}

// Exited is closed once the process has ended.
func (p *Process) Exited() <-chan struct{} { return p.exited }

// Stdout returns the first 64 KiB the process wrote to its stdout.
func (p *Process) Stdout() string { return p.stdout.String() }

// Stderr returns the first 64 KiB the process wrote to its stderr.
func (p *Process) Stderr() string { return p.stderr.String() }

// Status reads one memory figure of /proc/<pid>/status (VmRSS, VmData),
// in bytes (Linux only).
func (p *Process) Status(field string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", field, err)
	}
	for line := range strings.Lines(string(b)) {
		rest, ok := strings.CutPrefix(line, field+":")
		if !ok {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("read %s: %w", field, err)
		}
		return kb << 10, nil
	}
	return 0, fmt.Errorf("read %s: not in /proc/%d/status", field, p.cmd.Process.Pid)
}

// ExitCode waits until ctx ends for the process to exit, and returns its
// exit status.
func (p *Process) ExitCode(ctx context.Context) (int, error) {
	select {
	case <-p.exited:
		return p.state.ExitCode(), nil
	case <-ctx.Done():
		return 0, fmt.Errorf("wait for the program to exit: %w", ctx.Err())
	}
}

// NotListening is the error of a server that exited, or did not listen
// in time: the program's failure, not the harness's.
type NotListening struct {
	Addr string
	Why  string
}

func (e *NotListening) Error() string {
	return fmt.Sprintf("the server did not listen on %s: %s", e.Addr, e.Why)
}

// StartServer starts bin as a server on a free loopback port of network
// ("tcp" or "udp") with -addr and the flags args returns for that address,
// and waits until it listens. A port taken between choosing and listening
// is retried. It returns the process and the address.
func StartServer(bin, network string, args func(addr string) []string) (*Process, string, error) {
	if network == "" {
		network = "tcp"
	}
	var last error
	for range 3 {
		addr, err := listenwait.FreePort(network)
		if err != nil {
			return nil, "", err
		}
		argv := []string{"-addr", addr}
		if args != nil {
			argv = append(argv, args(addr)...)
		}
		p, err := Start(bin, argv...)
		if err != nil {
			return nil, "", err
		}
		if last = p.waitListening(network, addr); last == nil {
			return p, addr, nil
		}
		p.Stop()
		if !strings.Contains(p.Stderr(), "address already in use") {
			break
		}
	}
	return nil, "", last
}

// waitListening waits until the process itself listens on addr, or
// exits. Another socket on the same port (a port chosen free is free only
// until someone takes it) does not count: on Linux the socket found must
// be one of the process's own descriptors.
func (p *Process) waitListening(network, addr string) error {
	_, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("wait for %s: %w", addr, err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return fmt.Errorf("wait for %s: %w", addr, err)
	}
	exited := func() error {
		return &NotListening{Addr: addr, Why: fmt.Sprintf("it exited (%v) first; stderr: %s", p.state, p.Stderr())}
	}
	deadline := time.Now().Add(listenTimeout)
	for {
		own, err := p.listensOn(network, port)
		if errors.Is(err, errNoProc) {
			break // not Linux: trust listenwait alone
		}
		if err != nil {
			return fmt.Errorf("wait for %s: %w", addr, err)
		}
		if own {
			return nil
		}
		select {
		case <-p.exited:
			return exited()
		default:
		}
		if time.Now().After(deadline) {
			return &NotListening{Addr: addr, Why: fmt.Sprintf("nothing within %v", listenTimeout)}
		}
		time.Sleep(2 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), listenTimeout)
	defer cancel()
	go func() {
		select {
		case <-p.exited:
			cancel()
		case <-ctx.Done():
		}
	}()
	if err := listenwait.Wait(ctx, network, addr); err != nil {
		select {
		case <-p.exited:
			return exited()
		default:
			return &NotListening{Addr: addr, Why: err.Error()}
		}
	}
	return nil
}

// errNoProc says that the kernel's socket tables cannot be read here.
var errNoProc = errors.New("no /proc socket tables")

// listensOn reports whether one of the process's descriptors is a socket
// listening (TCP) or bound and unconnected (UDP) on port, on any address:
// /proc/net/{tcp,udp}{,6} give each such socket's inode, and the
// process's descriptors in /proc/<pid>/fd link to "socket:[inode]".
func (p *Process) listensOn(network string, port int) (bool, error) {
	tables, state := []string{"/proc/net/tcp", "/proc/net/tcp6"}, "0A" // TCP_LISTEN
	if strings.HasPrefix(network, "udp") {
		tables, state = []string{"/proc/net/udp", "/proc/net/udp6"}, "07" // unconnected
	}
	want := fmt.Sprintf(":%04X", port)
	inodes := make(map[string]bool)
	read := false
	for _, name := range tables {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		read = true
		for line := range strings.Lines(string(b)) {
			f := strings.Fields(line)
			if len(f) > 9 && strings.HasSuffix(f[1], want) && f[3] == state {
				inodes["socket:["+f[9]+"]"] = true
			}
		}
	}
	if !read {
		return false, errNoProc
	}
	if len(inodes) == 0 {
		return false, nil
	}
	fds := fmt.Sprintf("/proc/%d/fd", p.cmd.Process.Pid)
	entries, err := os.ReadDir(fds)
	if err != nil {
		return false, nil // exited meanwhile: the caller sees it
	}
	for _, e := range entries {
		if link, err := os.Readlink(fds + "/" + e.Name()); err == nil && inodes[link] {
			return true, nil
		}
	}
	return false, nil
}

// ClientResult is how a client program ended.
type ClientResult struct {
	Code   int // -1 when it was stopped
	Stdout string
	Stderr string
}

// RunClient runs bin with args until it exits, or until ctx ends and it
// is stopped (then with an error).
func RunClient(ctx context.Context, bin string, args []string) (ClientResult, error) {
	p, err := Start(bin, args...)
	if err != nil {
		return ClientResult{}, err
	}
	defer p.Stop()
	select {
	case <-p.exited:
		return ClientResult{Code: p.state.ExitCode(), Stdout: p.Stdout(), Stderr: p.Stderr()}, nil
	case <-ctx.Done():
		p.Stop()
		return ClientResult{Code: -1, Stdout: p.Stdout(), Stderr: p.Stderr()}, fmt.Errorf("run client: %w", ctx.Err())
	}
}

// capped is a goroutine-safe buffer that keeps the first outputCap bytes.
type capped struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *capped) Write(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := outputCap - c.buf.Len(); room > 0 {
		c.buf.Write(b[:min(len(b), room)])
	}
	return len(b), nil
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}
