//go:build unix

package lessons_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sockbook/content"
	"sockbook/runner/listenwait"
)

// interopClient is the Python client, run from the lessons folder; the
// basics chapter shows the same file in a ```python block.
const interopClient = "testdata/interop/client.py"

// TestInteropPythonClient shows that two programs share a wire
// protocol, not a language: the Go server of basics/echo, built
// natively, answers a client written in Python with nothing but the
// standard socket module.
func TestInteropPythonClient(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH, so the Go-server/Python-client " +
			"interop test cannot run")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH, so the lesson's server " +
			"cannot be built")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	bin := filepath.Join(t.TempDir(), "echo-server")
	build := exec.CommandContext(ctx, goTool, "build", "-o", bin,
		"./basics/echo/server")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./basics/echo/server: %v\n%s", err, out)
	}

	addr, err := listenwait.FreePort("tcp")
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, bin, "-addr", addr)
	waitListening(t, ctx, srv, addr)

	_, port, _ := strings.Cut(addr, ":")
	pyCtx, pyCancel := context.WithTimeout(ctx, 20*time.Second)
	defer pyCancel()
	client := exec.CommandContext(pyCtx, python, interopClient, port)
	client.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	var stdout, stderr bytes.Buffer
	client.Stdout, client.Stderr = &stdout, &stderr
	if err := client.Run(); err != nil {
		t.Fatalf("python3 %s %s: %v\nstdout:\n%s\nstderr:\n%s",
			interopClient, port, err, &stdout, &stderr)
	}
	want := "echo: hello\necho: from python\necho: héllo, wörld\n"
	if got := stdout.String(); got != want {
		t.Errorf("the Python client printed\n%s\nwant\n%s", got, want)
	}

	// The echo server serves one client and exits when it leaves.
	select {
	case <-srv.exited:
	case <-time.After(5 * time.Second):
		srv.kill()
		t.Fatalf("the server did not exit after its client left;"+
			" its output:\n%s", srv.out.String())
	}
	if srv.err != nil {
		t.Errorf("the server failed: %v\n%s", srv.err, srv.out.String())
	}
	for _, line := range []string{
		`echoing "hello"`,
		`echoing "from python"`,
		`echoing "héllo, wörld"`,
		"client closed the connection",
	} {
		if !strings.Contains(srv.out.String(), line+"\n") {
			t.Errorf("the server's output lacks %q:\n%s",
				line, srv.out.String())
		}
	}
}

// TestInteropClientInChapter checks that the basics chapter shows the
// Python client exactly as the interop test runs it.
func TestInteropClientInChapter(t *testing.T) {
	src, err := os.ReadFile(interopClient)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := content.Find("basics")
	if err != nil {
		t.Fatal(err)
	}
	block := "```python\n" + string(src) + "```\n"
	if !strings.Contains(string(ch.Markdown), block) {
		t.Errorf("content/basics.md has no ```python block holding "+
			"%s exactly; copy the file into the chapter", interopClient)
	}
}

// server is a lesson server running natively in its own process group.
type server struct {
	cmd    *exec.Cmd
	out    bytes.Buffer  // stdout and stderr; read only after exited
	exited chan struct{} // closed when the process has ended
	err    error         // how it ended; read only after exited
}

// startServer starts bin with args and kills its process group when the
// test ends, if it is still running.
func startServer(t *testing.T, bin string, args ...string) *server {
	t.Helper()
	s := &server{cmd: exec.Command(bin, args...), exited: make(chan struct{})}
	s.cmd.Stdout = &s.out
	s.cmd.Stderr = &s.out
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		s.err = s.cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		if !s.kill() {
			t.Errorf("server %d did not die when killed", s.cmd.Process.Pid)
		}
	})
	return s
}

// kill kills s's process group, if s is still running, and waits for s
// to end; it reports whether s has ended.
func (s *server) kill() bool {
	select {
	case <-s.exited:
		return true
	default:
	}
	syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	select {
	case <-s.exited:
		return true
	case <-time.After(5 * time.Second):
		return false
	}
}

// waitListening waits until s listens on addr, without connecting to
// it; it fails the test if s exits first or takes too long.
func waitListening(t *testing.T, ctx context.Context, s *server, addr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	go func() {
		select {
		case <-s.exited:
			cancel()
		case <-ctx.Done():
		}
	}()
	err := listenwait.Wait(ctx, "tcp", addr)
	if err == nil {
		return
	}
	if errors.Is(err, listenwait.ErrUnsupported) {
		t.Skipf("cannot tell when the server listens here: %v", err)
	}
	select {
	case <-s.exited:
		t.Fatalf("the server exited before it listened (%v):\n%s",
			s.err, s.out.String())
	default:
		s.kill()
		t.Fatalf("the server never listened on %s: %v\n%s",
			addr, err, s.out.String())
	}
}
