//go:build unix

package lessons_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sockbook/content"
	"sockbook/runner/listenwait"
	"sockbook/runner/runnertest"
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
	srv := runnertest.Start(t, exec.Command(bin, "-addr", addr))
	srv.WaitListening(t, "tcp", addr, 15*time.Second)

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
	exitCtx, exitCancel := context.WithTimeout(ctx, 5*time.Second)
	defer exitCancel()
	if code, err := srv.Wait(exitCtx); err != nil || code != 0 {
		t.Errorf("the server did not exit cleanly after its client left"+
			" (status %d, %v); its output:\n%s", code, err, srv.Output())
	}
	for _, line := range []string{
		`echoing "hello"`,
		`echoing "from python"`,
		`echoing "héllo, wörld"`,
		"client closed the connection",
	} {
		if !strings.Contains(srv.Output(), line+"\n") {
			t.Errorf("the server's output lacks %q:\n%s",
				line, srv.Output())
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
