package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sockbook/content"
	"strings"
	"testing"
)

// recordedPort and livePort tell a recorded transcript line from one of
// a run made now: a recording's ports read PORT, a live run's are numbers.
var (
	recordedPort = regexp.MustCompile(`(?m)^│ server │ ● listen tcp 127\.0\.0\.1:PORT$`)
	livePort     = regexp.MustCompile(`(?m)^│ server │ ● listen tcp 127\.0\.0\.1:\d+$`)
)

// TestReadShowsRecordedRuns: read shows each lesson's recorded run under
// its code, captioned as one; read --run shows a run made now instead.
func TestReadShowsRecordedRuns(t *testing.T) {
	code, out, stderr := sockbook(t, pipe, "read", "basics")
	if code != exitOK {
		t.Fatalf("read basics: exit %d: %s", code, stderr)
	}
	want := len(content.LessonRefs(mustChapter(t, "basics").Markdown))
	if n := strings.Count(out, "Recorded run, each side's events in order:"); n != want {
		t.Errorf("read basics: %d recorded runs captioned, want one for each of its %d lesson blocks", n, want)
	}
	for _, want := range []string{`│ client │ server said "hello, gopher"`, "│ client │ echo: sockets"} {
		if !strings.Contains(out, want) {
			t.Errorf("read basics lacks the recorded line %q", want)
		}
	}
	if !recordedPort.MatchString(out) || livePort.MatchString(out) {
		t.Errorf("read basics: want the recorded runs' PORT, not a port of a run made now:\n%s", out)
	}

	code, out, stderr = sockbook(t, pipe, "read", "basics", "--run")
	if code != exitOK {
		t.Fatalf("read basics --run: exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "Recorded run") || recordedPort.MatchString(out) {
		t.Errorf("read basics --run shows a recorded run:\n%s", out)
	}
	if !livePort.MatchString(out) || !strings.Contains(out, `│ client │ server said "hello, gopher"`) {
		t.Errorf("read basics --run lacks a run made now:\n%s", out)
	}
}

// TestReadMarksRightLessons: a right lesson's code is marked against the
// wrong one it fixes, "~" changed and "+" added in the gutter, under a
// note that says against which; in colour the marks are yellow and green.
func TestReadMarksRightLessons(t *testing.T) {
	code, out, stderr := sockbook(t, pipe, "read", "loops")
	if code != exitOK {
		t.Fatalf("read loops: exit %d: %s", code, stderr)
	}
	right := out[strings.Index(out, "┌─ loops/closed-right"):]
	right = right[:strings.Index(right, "└─")]
	for _, want := range []string{
		"│ against loops/closed-wrong: ~ ",
		"│ + \t\"errors\"\n",
		"│ ~         n, err := conn.Read(buf)\n",
		"│ the same as in loops/closed-wrong\n", // the client did not change
	} {
		want = strings.ReplaceAll(want, "\t", "    ")
		if !strings.Contains(right, want) {
			t.Errorf("loops/closed-right lacks %q:\n%s", want, right)
		}
	}
	wrong := out[strings.Index(out, "┌─ loops/closed-wrong"):]
	wrong = wrong[:strings.Index(wrong, "└─")]
	if strings.Contains(wrong, "│ ~ ") || strings.Contains(wrong, "│ + ") || strings.Contains(wrong, "against ") {
		t.Errorf("the wrong lesson is marked:\n%s", wrong)
	}

	_, out, _ = sockbook(t, tty, "read", "loops", "--no-pager")
	for _, mark := range []string{"\x1b[1;33m~ \x1b[22;0m", "\x1b[1;32m+ \x1b[22;0m"} {
		if !strings.Contains(out, mark) {
			t.Errorf("read loops on a colour terminal lacks the mark %q", mark)
		}
	}
}

// TestExportShowsRecordedRuns: export writes the recorded runs and the
// marks, without running a lesson.
func TestExportShowsRecordedRuns(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := sockbook(t, pipe, "export", "--html", dir)
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "loops.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h4>Recorded run</h4>", "127.0.0.1:PORT", `<pre class="diff">`, `<span class="changed">`, "against loops/closed-wrong: "} {
		if !strings.Contains(string(page), want) {
			t.Errorf("loops.html lacks %q", want)
		}
	}
}

// mustChapter returns a chapter or fails the test.
func mustChapter(t *testing.T, id string) content.Chapter {
	t.Helper()
	ch, err := content.Find(id)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}
