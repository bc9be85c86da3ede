package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestAcrossHosts runs a lesson split across two machines, as a class
// does: the server with --only server in one network namespace, the client
// with --only client in another, joined by a veth pair. It needs root and
// the ip command, and is skipped without them. Only the addresses inside
// the namespaces it creates are used, and it removes them even when it
// fails.
func TestAcrossHosts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sockbook and creates network namespaces")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to create network namespaces")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("needs the ip command (iproute2)")
	}
	id := fmt.Sprintf("%d", os.Getpid()%100000)
	nsA, nsB := "sb-srv-"+id, "sb-cli-"+id
	vethA, vethB := "sbA"+id, "sbB"+id
	ip := func(args ...string) error {
		out, err := exec.Command("ip", args...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("ip %s: %v: %s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	t.Cleanup(func() {
		ip("netns", "del", nsA) // also removes the veth pair
		ip("netns", "del", nsB)
	})
	if err := ip("netns", "add", nsA); err != nil {
		t.Skipf("cannot create a network namespace here: %v", err)
	}
	for _, args := range [][]string{
		{"netns", "add", nsB},
		{"link", "add", vethA, "type", "veth", "peer", "name", vethB},
		{"link", "set", vethA, "netns", nsA},
		{"link", "set", vethB, "netns", nsB},
		{"-n", nsA, "addr", "add", "10.231.7.1/24", "dev", vethA},
		{"-n", nsB, "addr", "add", "10.231.7.2/24", "dev", vethB},
		{"-n", nsA, "link", "set", vethA, "up"},
		{"-n", nsB, "link", "set", vethB, "up"},
		{"-n", nsA, "link", "set", "lo", "up"},
		{"-n", nsB, "link", "set", "lo", "up"},
	} {
		if err := ip(args...); err != nil {
			t.Fatal(err)
		}
	}

	bin := filepath.Join(t.TempDir(), "sockbook")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const addr = "10.231.7.1:9000"
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	var serverOut lockedBuffer
	server := exec.CommandContext(ctx, "ip", "netns", "exec", nsA, bin, "run", "basics/echo", "--only", "server", "--listen", addr, "--layout", "plain")
	server.Stdout, server.Stderr = &serverOut, &serverOut
	server.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	server.Cancel = func() error { return syscall.Kill(-server.Process.Pid, syscall.SIGKILL) }
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		syscall.Kill(-server.Process.Pid, syscall.SIGKILL)
		server.Wait()
	}()
	// Wait until the server listens, looking from inside its namespace.
	if err := waitInNamespace(ctx, nsA, addr); err != nil {
		t.Fatalf("the server did not listen: %v\n%s", err, serverOut.String())
	}

	client := exec.CommandContext(ctx, "ip", "netns", "exec", nsB, bin, "run", "basics/echo", "--only", "client", "--connect", addr, "--layout", "plain")
	out, err := client.CombinedOutput()
	if err != nil {
		t.Fatalf("client: %v\n%s\nserver:\n%s", err, out, serverOut.String())
	}
	for _, want := range []string{"client: ● dial #1 connected to 10.231.7.1:9000", "client: echo: bye"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("client transcript lacks %q:\n%s", want, out)
		}
	}
	// The server's transcript shows the peer on the other host.
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(serverOut.String(), "echoing \"bye\"") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if s := serverOut.String(); !strings.Contains(s, "accept #1 from 10.231.7.2:") || !strings.Contains(s, `echoing "bye"`) {
		t.Errorf("server transcript lacks the client from the other host:\n%s", s)
	}
}

// lockedBuffer is a bytes.Buffer that a command writes to while the test
// reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitInNamespace polls the namespace's socket table until addr listens.
func waitInNamespace(ctx context.Context, ns, addr string) error {
	_, port, _ := strings.Cut(addr, ":")
	for {
		out, _ := exec.CommandContext(ctx, "ip", "netns", "exec", ns, "cat", "/proc/net/tcp").Output()
		var p int
		fmt.Sscan(port, &p)
		if strings.Contains(string(out), fmt.Sprintf(":%04X 00000000:0000 0A", p)) {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
