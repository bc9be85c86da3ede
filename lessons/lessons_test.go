package lessons_test

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"sockbook/lessons"
	"sockbook/runner"
	"sockbook/runner/event"
	"sockbook/runner/gobuild"
	"sockbook/runner/runnertest"
	"sockbook/runner/transcript"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts")

func TestMain(m *testing.M) { runnertest.Main(m) }

// runLesson runs a lesson through the runner, as sockbook run does.
func runLesson(t *testing.T, l lessons.Lesson) *runner.Result {
	t.Helper()
	return runLessonOn(t, l, runner.Yaegi, nil)
}

// runLessonOn runs a lesson on an engine.
func runLessonOn(t *testing.T, l lessons.Lesson, engine runner.Engine, builder *gobuild.Builder) *runner.Result {
	t.Helper()
	spec, err := l.Spec()
	if err != nil {
		t.Fatal(err)
	}
	spec.Engine = engine
	res, err := runner.Run(context.Background(), spec, runner.Options{Command: runnertest.Command(), Builder: builder})
	if err != nil {
		t.Fatalf("run %s: %v", l.ID, err)
	}
	return res
}

var (
	logTime = regexp.MustCompile(`^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d `)
	// How many reads the relay merged depends on timing; what it delivered
	// does not.
	mergedRE = regexp.MustCompile(`merged \d+ reads`)
	addrRE   = regexp.MustCompile(`(127\.0\.0\.1|\[::1\]|localhost):(\d+)`)
)

// Golden returns a run's transcript in a form that is the same on every
// run: each side's events in order (the two sides' events interleave
// differently from run to run, each side's own do not), no times, the
// server's port as PORT and every other port as PEER, log timestamps cut.
func Golden(res *runner.Result, wire bool) string {
	_, port, _ := strings.Cut(res.Addr, ":")
	var b strings.Builder
	for _, side := range []event.Side{event.Server, event.Client, event.Net, event.Runner} {
		var lines []string
		for _, ev := range res.Events {
			if ev.Side != side || !transcript.Shown(ev, transcript.Options{Layout: transcript.Plain, Wire: wire}) {
				continue
			}
			text := transcript.Describe(ev)
			if ev.Kind == event.Stdout || ev.Kind == event.Stderr {
				text = logTime.ReplaceAllString(text, "")
			}
			if ev.Kind == event.Fault {
				text = mergedRE.ReplaceAllString(text, "merged N reads")
			}
			text = addrRE.ReplaceAllStringFunc(text, func(s string) string {
				m := addrRE.FindStringSubmatch(s)
				if m[2] == port {
					return m[1] + ":PORT"
				}
				return m[1] + ":PEER"
			})
			lines = append(lines, text)
		}
		if len(lines) == 0 {
			continue
		}
		if side == event.Net {
			lines = byDirection(lines)
		}
		fmt.Fprintf(&b, "== %s\n%s\n", side, strings.Join(lines, "\n"))
	}
	return b.String()
}

// byDirection orders the relay's notes by the direction they name
// ("client→server: …"), keeping their order within each: the two
// directions run side by side, so their notes interleave differently from
// run to run.
func byDirection(lines []string) []string {
	dir := func(s string) string {
		if d, _, ok := strings.Cut(s, ":"); ok && strings.Contains(d, "→") {
			return d
		}
		return ""
	}
	sort.SliceStable(lines, func(i, j int) bool { return dir(lines[i]) < dir(lines[j]) })
	return lines
}

// TestLessonTranscripts runs every lesson and compares its transcript with
// the golden file under testdata/golden (go test -update rewrites them).
func TestLessonTranscripts(t *testing.T) {
	for _, l := range lessons.All() {
		t.Run(l.ID, func(t *testing.T) {
			t.Parallel()
			res := runLesson(t, l)
			if l.ServerExitsWithError {
				if _, ok := res.Failed(runner.ExitStatus); !ok {
					t.Errorf("the lesson's server is meant to fail, but the run gave %v", res.Failures)
				}
			} else if !res.OK() {
				t.Errorf("run failed: %v", res.Failures)
			}
			got := Golden(res, l.Wire)
			path := filepath.Join("testdata", "golden", filepath.FromSlash(l.ID)+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./lessons -update writes it)", err)
			}
			if got != string(want) {
				t.Errorf("transcript of %s differs from %s:\n--- got\n%s\n--- want\n%s", l.ID, path, got, want)
			}
		})
	}
}

// TestLessonTranscriptsCompiled: every lesson built with the Go compiler
// gives the transcript its golden file holds, the one the interpreter
// gives: the same socket events and output, side by side. It builds every
// lesson program once (cached by content afterwards).
func TestLessonTranscriptsCompiled(t *testing.T) {
	if testing.Short() || !runner.GoAvailable() {
		t.Skip("builds every lesson with the go command")
	}
	builder := gobuild.New(filepath.Join(os.TempDir(), "sockbook-lesson-builds"), runner.Instrumentation)
	for _, l := range lessons.All() {
		t.Run(l.ID, func(t *testing.T) {
			t.Parallel()
			res := runLessonOn(t, l, runner.GoToolchain, builder)
			if _, ok := res.Failed(runner.ExitStatus); l.ServerExitsWithError != ok || !l.ServerExitsWithError && !res.OK() {
				t.Errorf("run failed: %v", res.Failures)
			}
			want, err := os.ReadFile(filepath.Join("testdata", "golden", filepath.FromSlash(l.ID)+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			if got := Golden(res, l.Wire); got != string(want) {
				t.Errorf("compiled, %s differs from its golden file:\n--- got\n%s\n--- want\n%s", l.ID, got, want)
			}
		})
	}
}

// TestRecorded checks that every lesson's recorded run is in the binary
// and reads back as its golden file says: each "== side" line starts a
// side, the lines under it are that side's.
func TestRecorded(t *testing.T) {
	for _, l := range lessons.All() {
		lines, err := lessons.Recorded(l.ID)
		if err != nil {
			t.Errorf("%v (go test ./lessons -update writes it)", err)
			continue
		}
		if len(lines) == 0 {
			t.Errorf("the recorded run of %s is empty", l.ID)
		}
		var b strings.Builder
		var side event.Side
		for _, line := range lines {
			if line.Side != side {
				side = line.Side
				fmt.Fprintf(&b, "== %s\n", side)
			}
			b.WriteString(line.Text + "\n")
		}
		want, err := os.ReadFile(filepath.Join("testdata", "golden", filepath.FromSlash(l.ID)+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		if b.String() != string(want) {
			t.Errorf("the recorded run of %s reads back as\n%s\nnot as its golden file\n%s", l.ID, b.String(), want)
		}
	}
	if _, err := lessons.Recorded("basics/no-such-lesson"); err == nil {
		t.Errorf("Recorded of a lesson that does not exist gave no error")
	}
}

// TestEchoCausalOrder checks the merged stream, not just each side: every
// line the client sends is read by the server after the client wrote it,
// and echoed back before the client prints it.
func TestEchoCausalOrder(t *testing.T) {
	l, err := lessons.Find("basics/echo")
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		res := runLesson(t, l)
		pos := map[string]int{}
		for i, ev := range res.Events {
			key := fmt.Sprintf("%s %s %s", ev.Side, ev.Kind, ev.Text)
			if _, ok := pos[key]; !ok {
				pos[key] = i
			}
		}
		for _, word := range []string{"hello", "sockets", "bye"} {
			chain := []string{
				`client write ` + word + `\n`,
				`server read ` + word + `\n`,
				`server stdout echoing "` + word + `"`,
				`server write ` + word + `\n`,
				`client read ` + word + `\n`,
				`client stdout echo: ` + word,
			}
			last := -1
			for _, step := range chain {
				i, ok := pos[step]
				if !ok {
					t.Fatalf("no event %q in the transcript", step)
				}
				if i < last {
					t.Errorf("%q came before the event it depends on (%q)", step, chain)
				}
				last = i
			}
		}
	}
}

// TestCatalog checks that every lesson has both programs and a title, and
// that every program folder belongs to a lesson.
func TestCatalog(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range lessons.All() {
		if seen[l.ID] {
			t.Errorf("lesson %s listed twice", l.ID)
		}
		seen[l.ID] = true
		if l.Title == "" {
			t.Errorf("lesson %s has no title", l.ID)
		}
		for _, dir := range []string{l.ServerDir(), l.ClientDir()} {
			if _, err := lessons.Source(dir); err != nil {
				t.Errorf("lesson %s: %v", l.ID, err)
			}
		}
	}
	dirs, err := filepath.Glob("*/*/server")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		id := filepath.ToSlash(filepath.Dir(dir))
		if !seen[id] {
			t.Errorf("folder %s holds a lesson that is not in the catalog", dir)
		}
	}
}

// TestPairs checks that a lesson's Fixes names another lesson, and that
// every "-right" lesson with a "-wrong" sibling names it, so that its code
// is shown marked against that one's.
func TestPairs(t *testing.T) {
	for _, l := range lessons.All() {
		if l.Fixes != "" {
			if l.Fixes == l.ID {
				t.Errorf("lesson %s fixes itself", l.ID)
			} else if _, err := lessons.Find(l.Fixes); err != nil {
				t.Errorf("lesson %s fixes %s: %v", l.ID, l.Fixes, err)
			}
		}
		stem, ok := strings.CutSuffix(l.ID, "-right")
		if !ok {
			continue
		}
		if _, err := lessons.Find(stem + "-wrong"); err == nil && l.Fixes != stem+"-wrong" {
			t.Errorf("lesson %s has Fixes %q; want %q, the lesson whose mistake it puts right", l.ID, l.Fixes, stem+"-wrong")
		}
	}
}

// maxCodeWidth is the widest a lesson's code line may be (tabs counted as
// 4 columns, as the renderer shows them): inside a lesson box, 6 columns
// in from the edge, it still fits an 80-column terminal without wrapping.
const maxCodeWidth = 74

// TestCodeFitsTheTerminal fails on a lesson line too wide to show.
func TestCodeFitsTheTerminal(t *testing.T) {
	err := fs.WalkDir(lessons.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(lessons.Files, path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if w := utf8.RuneCountInString(strings.ReplaceAll(line, "\t", "    ")); w > maxCodeWidth {
				t.Errorf("lessons/%s:%d is %d columns wide (at most %d): %s", path, i+1, w, maxCodeWidth, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFindSuggests(t *testing.T) {
	for id, want := range map[string]string{
		"basic/echo": "did you mean basics/echo or udp/echo?",
		"udp/ech":    "did you mean udp/echo?",
		"nothing":    "(sockbook list shows them all)",
	} {
		_, err := lessons.Find(id)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Find(%q) = %v, want it to say %q", id, err, want)
		}
	}
}
