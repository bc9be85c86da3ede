package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sockbook/runner"
	"sockbook/runner/check"
	"sockbook/runner/gobuild"
	"sockbook/runner/runnertest"
	"sockbook/solutions"
)

// program returns an exercise's reference solution or starter as a
// program for the runner, from the embedded files (as sockbook ships).
func program(t testing.TB, id string, starter bool) runner.Program {
	t.Helper()
	src, err := solutions.Reference(id)
	path := "solutions/" + id + "/main.go"
	if starter {
		src, err = solutions.Starter(id)
		path = "solutions/" + id + "/starter/main.go"
	}
	if err != nil {
		t.Fatal(err)
	}
	return runner.Program{Path: path, Files: map[string][]byte{"main.go": src}}
}

// TestSolutionsPassStartersFail is the workbook's self-test, through the
// same path sockbook check takes (the interpreter, in child processes):
// every reference solution passes every scenario of its exercise, and
// every starter fails at least one.
func TestSolutionsPassStartersFail(t *testing.T) {
	for _, ex := range check.All() {
		t.Run(ex.ID, func(t *testing.T) {
			t.Parallel()
			rep, err := check.Run(context.Background(), ex, program(t, ex.ID, false), check.Options{Command: runnertest.Command()})
			if err != nil {
				t.Fatal(err)
			}
			for _, sc := range rep.Scenarios {
				if !sc.Pass {
					t.Errorf("reference solution fails %s: %s (expected %s, got %s)", sc.Name, sc.What, sc.Expected, sc.Got)
				}
			}
			rep, err = check.Run(context.Background(), ex, program(t, ex.ID, true), check.Options{Command: runnertest.Command()})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pass {
				t.Errorf("the starter passes every scenario; it must leave the learner work to do")
			}
		})
	}
}

// TestSolutionsPassStartersFailCompiled is the self-test with the Go
// compiler: the verdicts are the interpreter's.
func TestSolutionsPassStartersFailCompiled(t *testing.T) {
	if testing.Short() || !runner.GoAvailable() {
		t.Skip("builds every solution and starter with the go command")
	}
	builder := gobuild.New(filepath.Join(os.TempDir(), "sockbook-solution-builds"), runner.Instrumentation)
	opts := check.Options{Command: runnertest.Command(), Builder: builder, Engine: runner.GoToolchain}
	for _, ex := range check.All() {
		t.Run(ex.ID, func(t *testing.T) {
			t.Parallel()
			rep, err := check.Run(context.Background(), ex, program(t, ex.ID, false), opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, sc := range rep.Scenarios {
				if !sc.Pass {
					t.Errorf("compiled, the reference fails %s: %s (expected %s, got %s)", sc.Name, sc.What, sc.Expected, sc.Got)
				}
			}
			if rep, err = check.Run(context.Background(), ex, program(t, ex.ID, true), opts); err != nil {
				t.Fatal(err)
			}
			if rep.Pass {
				t.Errorf("compiled, the starter passes every scenario")
			}
		})
	}
}

// TestValidStylesPassUnderRunner is TestValidStylesPass (runner/check) on
// the path sockbook check takes, the interpreter in child processes: every
// correct program written in another style than the reference
// (runner/check/testdata/valid/<id>/<style>/main.go) passes every scenario
// of its exercise. The checker judges the wire, not how a program is
// written.
func TestValidStylesPassUnderRunner(t *testing.T) {
	files, err := filepath.Glob("runner/check/testdata/valid/*/*/main.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no programs in runner/check/testdata/valid")
	}
	for _, file := range files {
		style := filepath.Dir(file)
		id := filepath.Base(filepath.Dir(style))
		t.Run(id+"/"+filepath.Base(style), func(t *testing.T) {
			t.Parallel()
			ex, err := check.Find(id)
			if err != nil {
				t.Fatal(err)
			}
			prog, err := runner.LoadProgram(file)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := check.Run(context.Background(), ex, prog, check.Options{Command: runnertest.Command()})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Scenarios) != len(ex.Scenarios) {
				t.Fatalf("%d of %d scenarios ran", len(rep.Scenarios), len(ex.Scenarios))
			}
			if rep.Pass {
				return
			}
			var failed []string
			for _, sc := range rep.Scenarios {
				if !sc.Pass || sc.Skipped {
					failed = append(failed, sc.Name)
					t.Logf("%s: %s (expected %s, got %s)", sc.Name, sc.What, sc.Expected, sc.Got)
				}
			}
			t.Errorf("%s fails %s: %s", file, ex.ID, strings.Join(failed, ", "))
		})
	}
}

// BenchmarkCheckAllSolutions checks all nine reference solutions: one
// after another, and all at once as a class's CI would (remote-cmd's
// time-limit scenario alone waits out its 5-second limit).
func BenchmarkCheckAllSolutions(b *testing.B) {
	command := runnertest.Command() // built before the clock starts
	checkOne := func(ex check.Exercise) {
		rep, err := check.Run(context.Background(), ex, program(b, ex.ID, false), check.Options{Command: command})
		if err != nil || !rep.Pass {
			b.Errorf("%s: %v %+v", ex.ID, err, rep)
		}
	}
	b.Run("sequential", func(b *testing.B) {
		for b.Loop() {
			for _, ex := range check.All() {
				checkOne(ex)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		for b.Loop() {
			var wg sync.WaitGroup
			for _, ex := range check.All() {
				wg.Go(func() { checkOne(ex) })
			}
			wg.Wait()
		}
	})
}

// TestCheckRunningServer checks a server that is already running (as
// sockbook check --connect does in a classroom): scenarios run against it,
// and those that must start the server themselves are skipped.
func TestCheckRunningServer(t *testing.T) {
	for _, tt := range []struct {
		id       string
		skipSome bool // whether the exercise has scenarios to skip
	}{{"line-frames", false}, {"hello-once", true}} {
		t.Run(tt.id, func(t *testing.T) {
			prog := program(t, tt.id, false)
			sess, err := runner.Start(context.Background(), runner.Spec{Server: &prog, Timeout: -1}, runner.Options{Command: runnertest.Command()})
			if err != nil {
				t.Fatal(err)
			}
			defer sess.Stop()
			ex, err := check.Find(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := check.Run(context.Background(), ex, runner.Program{}, check.Options{Connect: sess.Addr()})
			if err != nil {
				t.Fatal(err)
			}
			local := map[string]bool{}
			for _, sc := range ex.Scenarios {
				local[sc.Name] = sc.Local
			}
			skipped := 0
			for _, sc := range rep.Scenarios {
				if sc.Skipped != local[sc.Name] {
					t.Errorf("%s: skipped = %v, but Local = %v", sc.Name, sc.Skipped, local[sc.Name])
				}
				if sc.Skipped {
					skipped++
				}
			}
			if !rep.Pass || (skipped > 0) != tt.skipSome || len(rep.Scenarios) != len(ex.Scenarios) {
				t.Errorf("pass = %v, skipped %d of %d (want some skipped: %v): %+v", rep.Pass, skipped, len(ex.Scenarios), tt.skipSome, rep.Scenarios)
			}
		})
	}
	ex, _ := check.Find("upload-client")
	if _, err := check.Run(context.Background(), ex, runner.Program{}, check.Options{Connect: "127.0.0.1:1"}); err == nil {
		t.Errorf("--connect on a client exercise must be refused")
	}
}

// TestCheckAllWorkspace checks a whole workspace at once, as a class's CI
// does with sockbook check --all: exit 0 and nine passing reports when
// every exercise holds its reference solution, exit 1 when one does not.
func TestCheckAllWorkspace(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := sockbook(t, pipe, "init", dir); code != exitOK {
		t.Fatalf("init: %d %s", code, stderr)
	}
	for _, ex := range check.All() {
		src, err := solutions.Reference(ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "exercises", ex.ID, "main.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := sockbook(t, pipe, "check", "--all", dir, "--json")
	if code != exitOK {
		t.Fatalf("check --all: exit %d\n%s\n%s", code, out, stderr)
	}
	var reports []check.Report
	if err := json.Unmarshal([]byte(out), &reports); err != nil {
		t.Fatalf("check --all --json: %v\n%s", err, out)
	}
	if len(reports) != len(check.All()) {
		t.Errorf("%d reports, want %d", len(reports), len(check.All()))
	}
	starter, err := solutions.Starter("line-frames")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "exercises", "line-frames", "main.go"), starter, 0o644); err != nil {
		t.Fatal(err)
	}
	junit := filepath.Join(t.TempDir(), "report.xml")
	code, out, _ = sockbook(t, pipe, "check", "--all", dir, "--junit", junit)
	if code != exitFailed || !strings.Contains(out, "✘ line-frames") {
		t.Errorf("with a starter: exit %d, want 1 naming line-frames:\n%s", code, out)
	}
	// The JUnit report has the same verdicts: the starter fails its first
	// failing scenario, every other exercise passes.
	r := readJUnit(t, junit)
	if len(r.Suites) != 1 || r.Suites[0].Name != filepath.Base(dir) || len(r.Suites[0].Cases) != len(check.All()) {
		t.Fatalf("JUnit: want one suite, the workspace's, with %d test cases: %+v", len(check.All()), r)
	}
	for _, c := range r.Suites[0].Cases {
		switch {
		case c.Name == "line-frames" && (c.Failure == nil || !strings.HasPrefix(c.Failure.Message, "longest-line: expected ")):
			t.Errorf("JUnit: line-frames's starter: failure %+v, want its first failing scenario, longest-line", c.Failure)
		case c.Name != "line-frames" && (c.Failure != nil || c.Error != nil || c.Skipped != nil):
			t.Errorf("JUnit: %s does not pass: %+v", c.Name, c)
		}
	}
	if code, _, _ := sockbook(t, pipe, "check", "line-frames", "--junit", junit); code != exitUsage {
		t.Errorf("--junit without --all: exit %d, want %d", code, exitUsage)
	}
}

// TestModernSolutionsUnderAuto: correct solutions in today's Go (min,
// max, clear, slices and maps, iterators, generics, strings.Lines,
// sync.OnceValue, WaitGroup.Go, range over an int, several files), which
// the interpreter rejects, pass their checks under the default auto
// engine, which says it ran them with the Go compiler.
func TestModernSolutionsUnderAuto(t *testing.T) {
	if !runner.GoAvailable() {
		t.Skip("no go command on PATH")
	}
	builder := gobuild.New(t.TempDir(), runner.Instrumentation)
	for _, ex := range check.All() {
		t.Run(ex.ID, func(t *testing.T) {
			prog, err := runner.LoadProgram(filepath.Join("runner/check/testdata/modern", ex.ID))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := check.Run(context.Background(), ex, prog, check.Options{Command: runnertest.Command(), Builder: builder, Engine: runner.Auto})
			if err != nil {
				t.Fatal(err)
			}
			for _, sc := range rep.Scenarios {
				if !sc.Pass {
					t.Errorf("fails %s: %s (expected %s, got %s)", sc.Name, sc.What, sc.Expected, sc.Got)
				}
			}
			if !strings.HasPrefix(rep.Compiled, "ran with the Go compiler") {
				t.Errorf("no line saying the Go compiler ran it (Compiled = %q)", rep.Compiled)
			}
		})
	}
}

// mustFind returns the checker of exercise id.
func mustFind(t testing.TB, id string) check.Exercise {
	t.Helper()
	ex, err := check.Find(id)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}
