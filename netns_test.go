package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sockbook/runner/runnertest"
	"strings"
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

	bin := runnertest.Command()[0] // the sockbook binary, built once
	const addr = "10.231.7.1:9000"
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	server := runnertest.Start(t, exec.CommandContext(ctx, "ip", "netns", "exec", nsA, bin, "run", "basics/echo", "--only", "server", "--listen", addr, "--layout", "plain"))
	// Wait until the server listens, looking from inside its namespace.
	if err := waitInNamespace(ctx, nsA, addr); err != nil {
		t.Fatalf("the server did not listen: %v\n%s", err, server.Output())
	}

	client := exec.CommandContext(ctx, "ip", "netns", "exec", nsB, bin, "run", "basics/echo", "--only", "client", "--connect", addr, "--layout", "plain")
	out, err := client.CombinedOutput()
	if err != nil {
		t.Fatalf("client: %v\n%s\nserver:\n%s", err, out, server.Output())
	}
	for _, want := range []string{"client: ● dial #1 connected to 10.231.7.1:9000", "client: echo: bye"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("client transcript lacks %q:\n%s", want, out)
		}
	}
	// The server's transcript shows the peer on the other host.
	server.WaitFor(`echoing "bye"`, 10*time.Second)
	if s := server.Output(); !strings.Contains(s, "accept #1 from 10.231.7.2:") || !strings.Contains(s, `echoing "bye"`) {
		t.Errorf("server transcript lacks the client from the other host:\n%s", s)
	}
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
