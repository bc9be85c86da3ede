package runnertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"sockbook/runner/listenwait"
)

// Proc is a program a test started: in a process group of its own, so
// that it and everything it starts end together, with its standard output
// and error kept. The test's cleanup kills the group and reaps it. Every
// test that starts a program by hand starts it here.
type Proc struct {
	cmd    *exec.Cmd
	out    Buffer
	exited chan struct{} // closed once the process has ended
	err    error         // how it ended; read only after exited
}

// Start starts cmd as a Proc. Unless the caller set them, cmd's standard
// output and error both go to the Proc's buffer (Output). When the test
// ends the process group is killed, if it still runs, and reaped; a group
// that does not die fails the test.
func Start(t testing.TB, cmd *exec.Cmd) *Proc {
	t.Helper()
	p := &Proc{cmd: cmd, exited: make(chan struct{})}
	if cmd.Stdout == nil {
		cmd.Stdout = &p.out
	}
	if cmd.Stderr == nil {
		cmd.Stderr = &p.out
	}
	setProcessGroup(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", cmd.Path, err)
	}
	go func() {
		p.err = cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		if !p.Kill() {
			t.Errorf("%s (pid %d) did not end when killed", cmd.Path, cmd.Process.Pid)
		}
	})
	return p
}

// PID is the process id, which is also its process group's id.
func (p *Proc) PID() int { return p.cmd.Process.Pid }

// Output is what the program has written so far to standard output and
// error, when they go to the Proc's buffer.
func (p *Proc) Output() string { return p.out.String() }

// Exited is closed once the process has ended.
func (p *Proc) Exited() <-chan struct{} { return p.exited }

// Wait waits for the process to end, or ctx, and returns its exit code
// (-1 for a signal).
func (p *Proc) Wait(ctx context.Context) (int, error) {
	select {
	case <-p.exited:
	case <-ctx.Done():
		return 0, fmt.Errorf("wait for %s: %w", p.cmd.Path, ctx.Err())
	}
	var ee *exec.ExitError
	switch {
	case p.err == nil:
		return 0, nil
	case errors.As(p.err, &ee):
		return ee.ExitCode(), nil
	}
	return 0, p.err
}

// Kill kills the process group, if the process still runs, waits up to
// 5 s for the process to end, and reports whether it has.
func (p *Proc) Kill() bool {
	select {
	case <-p.exited:
		return true
	default:
	}
	killGroup(p.cmd)
	select {
	case <-p.exited:
		return true
	case <-time.After(5 * time.Second):
		return false
	}
}

// WaitFor waits until the output holds want, the process ends, or d
// passes, and reports whether the output holds want.
func (p *Proc) WaitFor(want string, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for !strings.Contains(p.Output(), want) {
		select {
		case <-p.exited:
			return strings.Contains(p.Output(), want)
		default:
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// WaitListening waits until the process listens on addr, without
// connecting to it, for at most d. It fails the test with the program's
// output if the process ends first or never listens; it skips the test
// where the system cannot tell.
func (p *Proc) WaitListening(t testing.TB, network, addr string, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	go func() {
		select {
		case <-p.exited:
			cancel()
		case <-ctx.Done():
		}
	}()
	err := listenwait.Wait(ctx, network, addr)
	if err == nil {
		return
	}
	if errors.Is(err, listenwait.ErrUnsupported) {
		t.Skipf("cannot tell when a program listens here: %v", err)
	}
	select {
	case <-p.exited:
		t.Fatalf("%s exited before it listened on %s (%v):\n%s", p.cmd.Path, addr, p.err, p.Output())
	default:
		t.Fatalf("%s never listened on %s: %v\n%s", p.cmd.Path, addr, err, p.Output())
	}
}

// Buffer is a bytes.Buffer that a program writes to while a test reads
// it; it is safe for concurrent use.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written so far.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
