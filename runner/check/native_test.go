package check

// The native harness of the tests: it builds an exercise program once per
// test run with `go build` and plays scenarios against it with RunNative
// (a real process on a free loopback port, see package native), so that
// the checkers can be tested against reference solutions, starters and
// deliberately broken programs without the interpreter-based runner.
//
// The API, for every test in this package:
//
//	nativeBinary(t, dir)              build the package main in dir (cached for the run)
//	runNative(t, ex, bin, sc)         run one scenario with a fresh server; returns its result
//	checkProgram(t, ex, dir, fail...) run every scenario; exactly the named ones must fail
//	checkBinary(t, ex, bin, dir, fail...) the same for a built binary or a launcher
//	yaegiProgram(t, yaegi, file)      a launcher that runs file under the yaegi interpreter
//	referenceDir(id), starterDir(id), flawDir(id, flaw)   where programs live

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sockbook/runner/check/native"
	"sockbook/runner/event"
)

// overrun is how long a scenario may outlive its own timeout before the
// harness reports that one of its waits is unbounded.
const overrun = 2 * time.Second

// nativeBuilds caches binaries by source folder for the whole test run
// (every -count iteration), so each program is compiled once. It is the
// harness's only shared state and lives only in the test binary; TestMain
// sets buildRoot.
var nativeBuilds sync.Map // absolute source dir -> func() (string, error)

// buildRoot is the folder the cached binaries are written to.
var buildRoot string

// TestMain makes the folder for cached builds, and raises the default
// -parallel: most of a scenario's time is spent waiting on a socket, and
// the failing ones wait out their bounds. An explicit -parallel wins.
func TestMain(m *testing.M) {
	flag.Parse()
	explicit := false
	flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
	if !explicit {
		flag.Set("test.parallel", strconv.Itoa(max(8, 4*runtime.GOMAXPROCS(0))))
	}
	dir, err := os.MkdirTemp("", "sockbook-check-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "native harness:", err)
		os.Exit(2)
	}
	buildRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// referenceDir is the folder of an exercise's reference solution.
func referenceDir(id string) string { return filepath.Join("..", "..", "solutions", id) }

// starterDir is the folder of an exercise's starter program.
func starterDir(id string) string { return filepath.Join("..", "..", "solutions", id, "starter") }

// flawDir is the folder of a deliberately broken program for an exercise.
func flawDir(id, flaw string) string { return filepath.Join("testdata", id, flaw) }

// nativeBinary builds the package main in dir (relative to this package's
// folder) and returns the binary's path. Each folder is built once per test
// run; a build error fails t.
func nativeBinary(t testing.TB, dir string) string {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
	build, _ := nativeBuilds.LoadOrStore(abs, sync.OnceValues(func() (string, error) {
		return goBuild(abs)
	}))
	bin, err := build.(func() (string, error))()
	if err != nil {
		t.Fatalf("%v", err)
	}
	return bin
}

func goBuild(dir string) (string, error) {
	name := strings.NewReplacer(string(filepath.Separator), "_", ":", "_").Replace(strings.TrimPrefix(dir, string(filepath.Separator)))
	out := filepath.Join(buildRoot, name)
	if err := native.Build(context.Background(), dir, out); err != nil {
		return "", err
	}
	return out, nil
}

// yaegiProgram returns a launcher that runs the Go file under the yaegi
// interpreter (the binary at yaegi), to use in place of a built binary.
// The launcher execs yaegi, so the process it starts is the interpreter
// itself: its memory, exit status and process group are the program's.
func yaegiProgram(t testing.TB, yaegi, file string) string {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatalf("yaegi launcher for %s: %v", file, err)
	}
	script := fmt.Sprintf("#!/bin/sh\nYAEGI_UNRESTRICTED=1 exec %s run %s \"$@\"\n", strconv.Quote(yaegi), strconv.Quote(abs))
	path := filepath.Join(t.TempDir(), "yaegi-launcher")
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatalf("yaegi launcher for %s: %v", file, err)
	}
	return path
}

// checkProgram runs every scenario of ex against the program in dir, each
// as a parallel subtest with a fresh server, and fails t unless exactly the
// scenarios named in wantFail fail.
func checkProgram(t *testing.T, ex Exercise, dir string, wantFail ...string) {
	t.Helper()
	checkBinary(t, ex, nativeBinary(t, dir), dir, wantFail...)
}

// checkBinary is checkProgram for a program already built (or a launcher
// from yaegiProgram); dir names it in messages.
func checkBinary(t *testing.T, ex Exercise, bin, dir string, wantFail ...string) {
	t.Helper()
	for _, name := range wantFail {
		if !slices.ContainsFunc(ex.Scenarios, func(sc Scenario) bool { return sc.Name == name }) {
			t.Fatalf("%s has no scenario %q", ex.ID, name)
		}
	}
	for _, sc := range ex.Scenarios {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			err := runNative(t, ex, bin, sc)
			want := slices.Contains(wantFail, sc.Name)
			switch {
			case want && err == nil:
				t.Errorf("%s passed %s/%s; it should fail", dir, ex.ID, sc.Name)
			case !want && err != nil:
				t.Errorf("%s failed %s/%s: %v", dir, ex.ID, sc.Name, err)
			case want:
				var f *Failure
				if !errors.As(err, &f) {
					t.Errorf("%s/%s failed with %v, not a *Failure: a checker error, not the program's", ex.ID, sc.Name, err)
				} else {
					explainedInChinese(t, ex.ID, sc.Name, f)
				}
			}
		})
	}
}

// runNative runs one scenario of ex against the program bin with
// RunNative, in a fresh scratch folder, and returns its result. When that
// is not nil, the checker's events and the programs' output are logged to
// t.
func runNative(t testing.TB, ex Exercise, bin string, sc Scenario) error {
	t.Helper()
	timeout := sc.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	var trace transcript
	start := time.Now()
	err := RunNative(context.Background(), ex, sc, bin, NativeOptions{Dir: t.TempDir(), Log: trace.add, Output: trace.output})
	if took := time.Since(start); took > timeout+overrun {
		t.Errorf("%s/%s took %v, more than its timeout %v: a wait is not bounded", ex.ID, sc.Name, took, timeout)
	}
	if err != nil {
		t.Logf("%s/%s: %v\n%s", ex.ID, sc.Name, err, trace.String())
	}
	return err
}

// transcript collects the checker's events and the programs' output, to
// log when a scenario fails.
type transcript struct {
	mu    sync.Mutex
	lines []string
}

func (tr *transcript) add(e event.Event) {
	line := fmt.Sprintf("%-6s %s#%d %-10s", e.Side, "conn", e.Conn, e.Kind)
	if e.Bytes > 0 {
		line += fmt.Sprintf(" %d bytes", e.Bytes)
	}
	for _, s := range []string{e.Text, e.Addr, e.Peer, e.Err} {
		if s != "" {
			line += " " + s
		}
	}
	tr.mu.Lock()
	tr.lines = append(tr.lines, line)
	tr.mu.Unlock()
}

func (tr *transcript) output(who, text string) {
	text = strings.TrimRight(text, "\n")
	if text == "" {
		return
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for line := range strings.Lines(text) {
		tr.lines = append(tr.lines, who+" | "+strings.TrimRight(line, "\n"))
	}
}

func (tr *transcript) String() string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	const keep = 60 // the start and the end tell the story
	lines := tr.lines
	if len(lines) > 2*keep {
		lines = slices.Concat(lines[:keep], []string{fmt.Sprintf("... %d more ...", len(lines)-2*keep)}, lines[len(lines)-keep:])
	}
	return strings.Join(lines, "\n")
}
