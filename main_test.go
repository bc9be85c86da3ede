package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"sockbook/content/render"
	"sockbook/runner/listenwait"
	"sockbook/runner/runnertest"
)

func TestMain(m *testing.M) { runnertest.Main(m) }

// sockbook runs the CLI in-process with the given terminal and returns
// its exit status, stdout and stderr.
func sockbook(t *testing.T, term terminal, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	env := &cliEnv{stdout: &out, stderr: &errs, stdin: strings.NewReader(""), term: term, child: runnertest.Command()}
	code := dispatch(context.Background(), env, args)
	return code, out.String(), errs.String()
}

var (
	pipe = terminal{}                                    // output piped to a file
	tty  = terminal{isTTY: true, width: 90, color: true} // a colour terminal
)

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{nil, exitUsage},
		{[]string{"--help"}, exitOK},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"run", "--help"}, exitOK},
		{[]string{"run", "no/such-lesson"}, exitUsage},
		{[]string{"run", "basics/echo", "--layout", "sideways"}, exitUsage},
		{[]string{"run", "basics/echo", "--no-such-flag"}, exitUsage},
		{[]string{"run"}, exitUsage},
		{[]string{"run", "--server", "runner/testdata/hostile/panic_main.go", "--client", "lessons/basics/hello/client/main.go"}, exitFailed},
		{[]string{"run", "--server", "no/such/file.go", "--client", "lessons/basics/hello/client/main.go"}, exitUsage},
		{[]string{"run", "basics/hello"}, exitOK},
		{[]string{"list"}, exitOK},
		{[]string{"list", "--help"}, exitOK},
		{[]string{"present", "sticky"}, exitUsage}, // not a terminal
		{[]string{"present", "--help"}, exitOK},
		{[]string{"read", "nosuch"}, exitUsage},
		{[]string{"read", "basics", "--no-pager"}, exitOK},
		{[]string{"check", "nosuch", "x.go"}, exitUsage},
		{[]string{"check", "hello-once"}, exitUsage}, // no file, no workspace
		{[]string{"check", "hello-once", "no/such/file.go"}, exitUsage},
		{[]string{"check", "hello-once", "solutions/hello-once/main.go"}, exitOK},
		{[]string{"check", "hello-once", "solutions/hello-once/starter/main.go"}, exitFailed},
		{[]string{"hint", "nosuch"}, exitUsage},
		{[]string{"hint", "line-frames"}, exitOK},
		{[]string{"solution", "line-frames"}, exitFailed}, // not passed yet
		{[]string{"solution", "line-frames", "--force"}, exitOK},
		{[]string{"export"}, exitUsage},
		{[]string{"export", "--help"}, exitOK},
		{[]string{"export", "--html", "x", "extra"}, exitUsage},
		{[]string{"read", "--help"}, exitOK},
		{[]string{"run", "basics/hello", "--engine", "typo"}, exitUsage},
		{[]string{"check", "hello-once", "solutions/hello-once/main.go", "--engine", "typo"}, exitUsage},
		{[]string{"check", "--all", "--engine", "typo"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := sockbook(t, pipe, tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
		})
	}
}

func TestRunPlainHasNoEscapes(t *testing.T) {
	for _, layout := range []string{"interleaved", "columns", "plain", "json"} {
		code, out, stderr := sockbook(t, pipe, "run", "basics/echo", "--wire", "--layout", layout)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", layout, code, stderr)
		}
		if strings.ContainsRune(out+stderr, 0x1b) {
			t.Errorf("%s: escape bytes in output piped to a file", layout)
		}
		if !strings.Contains(out, "echo: sockets") && !strings.Contains(out, `"echo: sockets"`) {
			t.Errorf("%s: the client's output is missing:\n%s", layout, out)
		}
	}
}

func TestRunColorOnTerminal(t *testing.T) {
	_, out, _ := sockbook(t, tty, "run", "basics/hello")
	if !strings.ContainsRune(out, 0x1b) {
		t.Errorf("no colour on a colour terminal:\n%s", out)
	}
	_, out, _ = sockbook(t, tty, "run", "basics/hello", "--no-color")
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("escape bytes despite --no-color")
	}
}

func TestNoColorEnvironment(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if detectTerminal(f).color {
		t.Errorf("a file is not a colour terminal")
	}
	t.Setenv("NO_COLOR", "1")
	if detectTerminal(os.Stdout).color {
		t.Errorf("NO_COLOR=1 must turn colour off")
	}
}

func TestRunJSONLines(t *testing.T) {
	code, out, stderr := sockbook(t, pipe, "run", "basics/echo", "--layout", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Events stream as they happen, each side's in its own order; across
	// sides, a late one may follow a later one ("t" gives the true order).
	var reads, writes int
	lastT := map[string]float64{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev struct {
			T     *float64 `json:"t"`
			Side  string   `json:"side"`
			Kind  string   `json:"kind"`
			Text  string   `json:"text"`
			Bytes int      `json:"bytes"`
		}
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if ev.T == nil || ev.Side == "" || ev.Kind == "" {
			t.Errorf("line %q lacks t, side or kind", line)
			continue
		}
		if last, ok := lastT[ev.Side]; ok && *ev.T < last {
			t.Errorf("the %s's events are out of time order at %q", ev.Side, line)
		}
		lastT[ev.Side] = *ev.T
		switch ev.Kind {
		case "read":
			reads++
			if ev.Bytes == 0 {
				t.Errorf("read without bytes: %q", line)
			}
		case "write":
			writes++
		}
	}
	if reads < 6 || writes < 6 {
		t.Errorf("want at least 6 reads and 6 writes (3 lines each way), got %d and %d", reads, writes)
	}
}

func TestList(t *testing.T) {
	code, out, stderr := sockbook(t, pipe, "list")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"basics", "basics/echo", "projects"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
}

// TestReadPiped: a chapter read into a pipe is plain text at 80 columns.
func TestReadPiped(t *testing.T) {
	for _, id := range []string{"basics", "sticky", "projects"} {
		code, out, stderr := sockbook(t, pipe, "read", id)
		if code != exitOK {
			t.Fatalf("read %s: exit %d: %s", id, code, stderr)
		}
		if strings.ContainsRune(out, 0x1b) {
			t.Errorf("read %s: escape bytes in piped output", id)
		}
		if !strings.Contains(out, "sockbook run "+id+"/") {
			t.Errorf("read %s: no lesson block with its command", id)
		}
	}
	_, out, _ := sockbook(t, tty, "read", "basics", "--no-pager")
	if !strings.ContainsRune(out, 0x1b) {
		t.Errorf("read on a colour terminal has no colour")
	}
}

// TestStep shows the transcript one event per key: with two keys and then
// "c" (continue), every event still comes out, in the same order as
// without --step.
func TestStep(t *testing.T) {
	var out, errs bytes.Buffer
	env := &cliEnv{stdout: &out, stderr: &errs, stdin: strings.NewReader("\n \nc"), term: pipe, child: runnertest.Command()}
	if code := dispatch(context.Background(), env, []string{"run", "basics/hello", "--step", "--layout", "plain"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(errs.String(), "Enter or space for the next event") {
		t.Errorf("no instructions for the keys: %q", errs.String())
	}
	for _, want := range []string{`server: received "gopher"`, `client: server said "hello, gopher"`, "client: ■ exit status 0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stepped transcript lacks %q:\n%s", want, out.String())
		}
	}
}

// TestServerAloneStopsCleanly: a server run alone for a class ends with
// Ctrl-C (here: its context) as its normal end: exit 0, no failure.
func TestServerAloneStopsCleanly(t *testing.T) {
	var out, errs runnertest.Buffer
	env := &cliEnv{stdout: &out, stderr: &errs, stdin: strings.NewReader(""), term: pipe, child: runnertest.Command()}
	addr, err := listenwait.FreePort("tcp")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		done <- dispatch(ctx, env, []string{"run", "basics/echo", "--only", "server", "--listen", addr, "--layout", "plain"})
	}()
	// Stop it once it is up: its listen event is in the transcript.
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "● listen") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(out.String(), "● listen") {
		cancel()
		<-done
		t.Fatalf("the server never listened:\n%s\n%s", out.String(), errs.String())
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("exit %d, want 0:\n%s\n%s", code, out.String(), errs.String())
	}
	if !strings.Contains(errs.String(), "server stopped") || strings.Contains(out.String(), "✘") {
		t.Errorf("want a clean stop:\n%s\n%s", out.String(), errs.String())
	}
}

// TestCheckOutputFitsTheWidth: check's verdicts, explanations and
// transcript wrap to the width, at word boundaries.
func TestCheckOutputFitsTheWidth(t *testing.T) {
	for _, width := range []string{"50", "100"} {
		code, out, stderr := sockbook(t, pipe, "check", "line-frames", "solutions/line-frames/starter/main.go", "--width", width)
		if code != exitFailed {
			t.Fatalf("exit %d, want %d: %s", code, exitFailed, stderr)
		}
		w := 0
		fmt.Sscan(width, &w)
		for _, line := range strings.Split(out, "\n") {
			if n := render.VisibleWidth(line); n > w {
				t.Errorf("width %d: a line of %d columns:\n%s", w, n, line)
			}
		}
		if !strings.Contains(out, "First failure:") || !strings.Contains(out, "Stuck?") {
			t.Errorf("width %d: no explanation of the failure:\n%s", w, out)
		}
	}
}

// TestReadRunInterrupted: Ctrl-C during read --run stops the lessons and
// exits 130.
func TestReadRunInterrupted(t *testing.T) {
	var out, errs bytes.Buffer
	env := &cliEnv{stdout: &out, stderr: &errs, stdin: strings.NewReader(""), term: pipe, child: runnertest.Command()}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl-C before the first lesson ends
	if code := dispatch(ctx, env, []string{"read", "basics", "--run"}); code != exitInt {
		t.Errorf("exit %d, want %d: %s", code, exitInt, errs.String())
	}
}

// TestMaxMemory: --max-memory sets the memory limit, and a program over
// it is stopped with a message that names it.
func TestMaxMemory(t *testing.T) {
	code, _, stderr := sockbook(t, pipe, "run", "--server", "runner/testdata/limits/memory.go", "--client", "lessons/basics/hello/client/main.go", "--max-memory", "200M")
	if code != exitFailed || !strings.Contains(stderr, "used more than 200 MiB of memory: stopped") {
		t.Errorf("exit %d, want %d with the limit named; stderr:\n%s", code, exitFailed, stderr)
	}
	if code, _, _ := sockbook(t, pipe, "run", "basics/hello", "--max-memory", "lots"); code != exitUsage {
		t.Errorf("--max-memory lots: exit %d, want %d", code, exitUsage)
	}
}
