package main

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sockbook/runner/check"
	"sockbook/runner/runnertest"
	"sockbook/solutions"
)

// gradeFlaw is a flawed program of runner/check/testdata that fails one
// scenario of its exercise only (runner/check's tests hold it to that), so
// grade must name that scenario as its first failure.
type gradeFlaw struct{ name, fails string }

// gradeFlaws gives one such program per exercise.
func gradeFlaws() map[string]gradeFlaw {
	return map[string]gradeFlaw{
		"hello-once":      {"whole-buffer", "replies-hello"},
		"echo-upper":      {"unicode-upper", "only-ascii-letters"},
		"udp-time":        {"small-buffer", "custom-layouts"},
		"line-frames":     {"counts-runes", "few-lines"},
		"length-prefix":   {"skips-empty", "empty-frame"},
		"echo-concurrent": {"unicode-upper", "only-ascii-letters"},
		"file-upload":     {"no-checksum", "bad-checksum"},
		"upload-client":   {"always-exit-0", "server-refuses"},
		"remote-cmd":      {"exit-status-as-error", "exit-status"},
	}
}

// wantVerdict is what grade must say of one exercise of one workspace.
type wantVerdict struct {
	status verdictStatus
	first  string // the first failing scenario, for a flawed program
}

// classVerdicts is what grade must say of a class: learner, then exercise.
type classVerdicts map[string]map[string]wantVerdict

// makeClass writes n workspaces, learner-001 and on, into dir, as `sockbook
// init` makes them, each holding a mix of reference solutions, unchanged
// starters and flawed programs: exercise j of workspace i holds the
// reference when (i+j)%3 is 0, the starter when it is 1, and the
// exercise's flawed program when it is 2. It returns the verdicts grade
// must give.
func makeClass(tb testing.TB, dir string, n int) classVerdicts {
	tb.Helper()
	want := classVerdicts{}
	flaws := gradeFlaws()
	env := &cliEnv{stdout: io.Discard, stderr: io.Discard, stdin: strings.NewReader(""), child: runnertest.Command()}
	for i := range n {
		learner := fmt.Sprintf("learner-%03d", i+1)
		ws := filepath.Join(dir, learner)
		if code := dispatch(context.Background(), env, []string{"init", ws}); code != exitOK {
			tb.Fatalf("init %s: exit %d", ws, code)
		}
		want[learner] = map[string]wantVerdict{}
		for j, ex := range check.All() {
			var src []byte
			var err error
			switch (i + j) % 3 {
			case 0:
				src, err = solutions.Reference(ex.ID)
				want[learner][ex.ID] = wantVerdict{status: statusPass}
			case 1:
				want[learner][ex.ID] = wantVerdict{status: statusNotStarted}
				continue // init wrote the starter
			case 2:
				f := flaws[ex.ID]
				src, err = os.ReadFile(filepath.Join("runner", "check", "testdata", ex.ID, f.name, "main.go"))
				want[learner][ex.ID] = wantVerdict{status: statusFail, first: f.fails}
			}
			if err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(ws, "exercises", ex.ID, "main.go"), src, 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return want
}

// snapshot returns every file under dir with a hash of its contents (of
// its target, for a symbolic link).
func snapshot(tb testing.TB, dir string) map[string][32]byte {
	tb.Helper()
	files := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(path)
			files[path] = sha256.Sum256([]byte("-> " + target))
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[path] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// sameFiles fails unless the snapshots are the same.
func sameFiles(tb testing.TB, before, after map[string][32]byte) {
	tb.Helper()
	for path, sum := range after {
		if old, ok := before[path]; !ok {
			tb.Errorf("grade left a file behind: %s", path)
		} else if old != sum {
			tb.Errorf("grade changed %s", path)
		}
	}
	for path := range before {
		if _, ok := after[path]; !ok {
			tb.Errorf("grade removed %s", path)
		}
	}
}

// tableColumns splits a line of grade's table into its columns, which are
// set apart by two spaces or more.
var tableColumns = regexp.MustCompile(`\s{2,}`)

// verifyTable checks grade's table: a row per learner whose cells show
// each verdict and whose last column counts the passes, and a foot row
// that counts each exercise's passes.
func verifyTable(tb testing.TB, out string, want classVerdicts) {
	tb.Helper()
	rows := map[string][]string{}
	for _, line := range strings.Split(out, "\n") {
		cols := tableColumns.Split(strings.TrimSpace(line), -1)
		if len(cols) >= 2 {
			rows[cols[0]] = cols[1:]
		}
	}
	exercises := check.All()
	passedBy := make([]int, len(exercises))
	for learner, verdicts := range want {
		cells := rows[learner]
		if len(cells) != len(exercises)+1 {
			tb.Errorf("table row of %s: %q, want %d cells and the passes", learner, cells, len(exercises))
			continue
		}
		passed := 0
		for j, ex := range exercises {
			w := verdicts[ex.ID]
			var ok bool
			switch cell := cells[j]; w.status {
			case statusPass:
				ok = cell == fmt.Sprintf("✔ %d/%d", len(ex.Scenarios), len(ex.Scenarios))
				passed++
				passedBy[j]++
			case statusFail:
				ok = regexp.MustCompile(fmt.Sprintf(`^✘ \d+/%d$`, len(ex.Scenarios))).MatchString(cell)
			case statusNotStarted:
				ok = cell == "—"
			}
			if !ok {
				tb.Errorf("table: %s, %s shows %q, want %s", learner, ex.ID, cells[j], w.status)
			}
		}
		if got, want := cells[len(exercises)], fmt.Sprintf("%d/%d", passed, len(exercises)); got != want {
			tb.Errorf("table: %s passed %s, want %s", learner, got, want)
		}
	}
	foot := rows["passed"]
	for j, ex := range exercises {
		if want := fmt.Sprintf("%d/%d", passedBy[j], len(want)); j >= len(foot) || foot[j] != want {
			tb.Errorf("table foot: %s passed by %v, want %s", ex.ID, foot, want)
		}
	}
}

// verifyCSV checks the CSV report: a header, then a row per learner and
// exercise with its verdict and, for a failure, the first failing scenario.
func verifyCSV(tb testing.TB, path string, want classVerdicts) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("the CSV report does not parse: %v", err)
	}
	if len(records) == 0 || strings.Join(records[0], ",") != strings.Join(csvHeader, ",") {
		tb.Fatalf("CSV header: %v", records)
	}
	seen := 0
	for _, r := range records[1:] {
		learner, exercise, status, passed, total, first := r[0], r[1], r[2], r[3], r[4], r[5]
		w, ok := want[learner][exercise]
		if !ok {
			tb.Errorf("CSV: a row for %s, %s, who is not in the class", learner, exercise)
			continue
		}
		seen++
		if status != string(w.status) || first != w.first {
			tb.Errorf("CSV: %s, %s is %s (first failure %q), want %s (%q)", learner, exercise, status, first, w.status, w.first)
		}
		if w.status == statusPass && passed != total {
			tb.Errorf("CSV: %s, %s passes %s of %s scenarios", learner, exercise, passed, total)
		}
		if w.status == statusFail && !strings.HasPrefix(r[6], w.first+":") {
			tb.Errorf("CSV: %s, %s: message %q does not name %s", learner, exercise, r[6], w.first)
		}
	}
	if seen != len(want)*len(check.All()) {
		tb.Errorf("CSV: %d rows, want %d", seen, len(want)*len(check.All()))
	}
}

// verifyJSON checks grade --json: every learner's verdicts and the counts
// per learner and per exercise.
func verifyJSON(tb testing.TB, out string, want classVerdicts) {
	tb.Helper()
	var got struct {
		Exercises []struct {
			Exercise                           string
			Passed, Failed, NotStarted, Errors int
		}
		Learners []struct {
			Learner   string
			Passed    int
			Exercises []struct {
				Exercise     string
				Status       verdictStatus
				FirstFailure *struct {
					Name, Expected, Got, What string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		tb.Fatalf("grade --json: %v\n%s", err, out)
	}
	if len(got.Learners) != len(want) {
		tb.Errorf("JSON: %d learners, want %d", len(got.Learners), len(want))
	}
	count := map[string]map[verdictStatus]int{}
	for _, l := range got.Learners {
		passed := 0
		for _, v := range l.Exercises {
			w := want[l.Learner][v.Exercise]
			first := ""
			if v.FirstFailure != nil {
				first = v.FirstFailure.Name
			}
			if v.Status != w.status || first != w.first {
				tb.Errorf("JSON: %s, %s is %s (first failure %q), want %s (%q)", l.Learner, v.Exercise, v.Status, first, w.status, w.first)
			}
			if v.Status == statusPass {
				passed++
			}
			if count[v.Exercise] == nil {
				count[v.Exercise] = map[verdictStatus]int{}
			}
			count[v.Exercise][v.Status]++
		}
		if l.Passed != passed || len(l.Exercises) != len(check.All()) {
			tb.Errorf("JSON: %s passed %d of %d exercises, counted %d", l.Learner, l.Passed, len(l.Exercises), passed)
		}
	}
	for _, t := range got.Exercises {
		c := count[t.Exercise]
		if t.Passed != c[statusPass] || t.Failed != c[statusFail] || t.NotStarted != c[statusNotStarted] || t.Errors != c[statusError] {
			tb.Errorf("JSON: totals of %s are %+v, the learners' verdicts count %v", t.Exercise, t, c)
		}
	}
}

// junitFile is the part of a JUnit report the tests read.
type junitFile struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Skipped  int `xml:"skipped,attr"`
	Suites   []struct {
		Name  string `xml:"name,attr"`
		Cases []struct {
			ClassName string `xml:"classname,attr"`
			Name      string `xml:"name,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// readJUnit parses a JUnit report.
func readJUnit(tb testing.TB, path string) junitFile {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var r junitFile
	if err := xml.Unmarshal(b, &r); err != nil {
		tb.Fatalf("the JUnit report does not parse: %v\n%s", err, b)
	}
	return r
}

// verifyJUnit checks the JUnit report: a test case per learner and
// exercise (class name the learner, name the exercise) that passes,
// fails with the first failing scenario's name, expected and got, or is
// skipped when not started.
func verifyJUnit(tb testing.TB, path string, want classVerdicts) {
	tb.Helper()
	r := readJUnit(tb, path)
	cases, failures, skipped := 0, 0, 0
	for _, s := range r.Suites {
		for _, c := range s.Cases {
			cases++
			w, ok := want[c.ClassName][c.Name]
			if !ok || s.Name != c.ClassName {
				tb.Errorf("JUnit: a test case %s.%s in suite %s, which is not in the class", c.ClassName, c.Name, s.Name)
				continue
			}
			switch {
			case c.Error != nil:
				tb.Errorf("JUnit: %s.%s is an error: %s", c.ClassName, c.Name, c.Error.Message)
			case w.status == statusPass && (c.Failure != nil || c.Skipped != nil):
				tb.Errorf("JUnit: %s.%s does not pass", c.ClassName, c.Name)
			case w.status == statusNotStarted && (c.Skipped == nil || c.Failure != nil):
				tb.Errorf("JUnit: %s.%s is not skipped", c.ClassName, c.Name)
			case w.status == statusFail && (c.Failure == nil || !strings.HasPrefix(c.Failure.Message, w.first+": expected ")):
				tb.Errorf("JUnit: %s.%s: failure %+v, want one that names %s with what was expected and what came back", c.ClassName, c.Name, c.Failure, w.first)
			}
			if c.Failure != nil {
				failures++
			}
			if c.Skipped != nil {
				skipped++
			}
		}
	}
	if cases != len(want)*len(check.All()) || r.Tests != cases || r.Failures != failures || r.Skipped != skipped {
		tb.Errorf("JUnit: %d test cases, %d failures, %d skipped; the report says %d, %d, %d; want %d cases",
			cases, failures, skipped, r.Tests, r.Failures, r.Skipped, len(want)*len(check.All()))
	}
}

// gradeClass grades a generated class of n workspaces, once for the table
// with the CSV and JUnit reports and once with --json, and verifies all
// four against the verdicts it must give, and that no workspace changed.
func gradeClass(tb testing.TB, n int) {
	dir := tb.TempDir()
	class := filepath.Join(dir, "class")
	want := makeClass(tb, class, n)
	before := snapshot(tb, class)
	var out, errs strings.Builder
	env := &cliEnv{stdout: &out, stderr: &errs, stdin: strings.NewReader(""), term: pipe, child: runnertest.Command()}
	csvPath, junitPath := filepath.Join(dir, "grades.csv"), filepath.Join(dir, "grades.xml")
	if code := dispatch(context.Background(), env, []string{"grade", class, "--csv", csvPath, "--junit", junitPath}); code != exitOK {
		tb.Fatalf("grade: exit %d\n%s\n%s", code, out.String(), errs.String())
	}
	verifyTable(tb, out.String(), want)
	verifyCSV(tb, csvPath, want)
	verifyJUnit(tb, junitPath, want)
	if tb.Failed() {
		tb.Logf("the table:\n%s", out.String())
	}
	out.Reset()
	if code := dispatch(context.Background(), env, []string{"grade", class, "--json"}); code != exitOK {
		tb.Fatalf("grade --json: exit %d\n%s", code, errs.String())
	}
	verifyJSON(tb, out.String(), want)
	sameFiles(tb, before, snapshot(tb, class))
}

// gradeClassSize is the size of TestGradeClass's class: six workspaces by
// default, so that it takes about a minute on two cores; the class
// of 30 takes several (go test -run TestGradeClass -grade-class 30 .).
var gradeClassSize = flag.Int("grade-class", 6, "the number of workspaces TestGradeClass grades")

// TestGradeClass grades a class of generated workspaces (six: every
// exercise is a reference in two of them, the starter in two and a
// flawed program in two).
func TestGradeClass(t *testing.T) {
	if testing.Short() {
		t.Skip("checks two thirds of the class's programs, twice")
	}
	gradeClass(t, *gradeClassSize)
}

// BenchmarkGrade grades generated classes of 10, 30 and 100 workspaces
// (a third of the programs references, a third starters, a third flawed)
// and verifies every report of each against the known verdicts.
func BenchmarkGrade(b *testing.B) {
	for _, n := range []int{10, 30, 100} {
		b.Run(fmt.Sprintf("workspaces=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			class := filepath.Join(dir, "class")
			want := makeClass(b, class, n)
			var out strings.Builder
			env := &cliEnv{stdout: &out, stderr: io.Discard, stdin: strings.NewReader(""), term: pipe, child: runnertest.Command()}
			csvPath, junitPath := filepath.Join(dir, "grades.csv"), filepath.Join(dir, "grades.xml")
			for b.Loop() {
				out.Reset()
				if code := dispatch(context.Background(), env, []string{"grade", class, "--csv", csvPath, "--junit", junitPath}); code != exitOK {
					b.Fatalf("grade: exit %d", code)
				}
			}
			verifyTable(b, out.String(), want)
			verifyCSV(b, csvPath, want)
			verifyJUnit(b, junitPath, want)
		})
	}
}

// TestGradeOddWorkspaces: what goes wrong in a class's folder shows in
// its cell, with the reason under the table, and grading goes on: a
// program that does not compile, one that is missing, one that cannot be
// loaded, a workspace whose progress file cannot be read. A program that
// writes files writes them in a working folder of its own, and nothing
// lands in the workspaces or in the folder grade runs in.
func TestGradeOddWorkspaces(t *testing.T) {
	runnertest.Command() // built where it stays, before TMPDIR moves
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	class := filepath.Join(t.TempDir(), "class")
	for _, name := range []string{"stray", "broken", "locked"} {
		if code, _, stderr := sockbook(t, pipe, "init", filepath.Join(class, name)); code != exitOK {
			t.Fatalf("init: %s", stderr)
		}
	}
	stray, err := os.ReadFile("testdata/grade/stray-files/main.go")
	if err != nil {
		t.Fatal(err)
	}
	write := func(path string, data []byte) {
		if err := os.WriteFile(filepath.Join(class, path), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("stray/exercises/hello-once/main.go", stray)
	write("broken/exercises/hello-once/main.go", []byte("package main\n\nfunc main() { undefined }\n"))
	for _, err := range []error{
		os.Remove(filepath.Join(class, "broken/exercises/udp-time/main.go")),
		os.Remove(filepath.Join(class, "broken/exercises/echo-upper/main.go")),
		os.Mkdir(filepath.Join(class, "broken/exercises/echo-upper/main.go"), 0o755),
		os.Remove(filepath.Join(class, "locked", "sockbook.json")),
		os.Symlink("sockbook.json", filepath.Join(class, "locked", "sockbook.json")), // a loop
		os.Mkdir(filepath.Join(class, "notes"), 0o755),                               // not a workspace
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, class)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}

	code, out, stderr := sockbook(t, pipe, "grade", class)
	if code != exitOK {
		t.Fatalf("grade: exit %d\n%s\n%s", code, out, stderr)
	}
	if stderr != "" {
		t.Errorf("grade wrote to stderr when it is not a terminal: %q", stderr)
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(out, "\n") {
		cols := tableColumns.Split(strings.TrimSpace(line), -1)
		rows[cols[0]] = cols[1:]
	}
	locked := strings.Repeat("! error ", len(check.All()))
	for learner, want := range map[string]string{
		"stray":  fmt.Sprintf("✔ %[1]d/%[1]d — — — — — — — — 1/9", len(mustFind(t, "hello-once").Scenarios)),
		"broken": "✘ build ! error — — — — — — — 0/9",
		"locked": locked + "0/9",
	} {
		if got := strings.Join(rows[learner], " "); got != want {
			t.Errorf("row of %s: %q, want %q", learner, got, want)
		}
	}
	if _, ok := rows["notes"]; ok {
		t.Errorf("a folder that is not a workspace has a row:\n%s", out)
	}
	for _, want := range []string{
		"broken, hello-once: does not compile: ",
		"exercises/hello-once/main.go:3:",
		"broken, echo-upper: load program: ",
		"exercises/echo-upper/main.go: is a directory",
		"broken, udp-time: no program: exercises/udp-time/main.go is missing",
		"locked: unreadable workspace: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the notes under the table lack %q:\n%s", want, out)
		}
	}

	// The same class as JSON: the workspace that cannot be read says why.
	code, out, _ = sockbook(t, pipe, "grade", class, "--json")
	var sum struct {
		Learners []struct{ Learner, Error string }
	}
	if err := json.Unmarshal([]byte(out), &sum); code != exitOK || err != nil {
		t.Fatalf("grade --json: exit %d, %v\n%s", code, err, out)
	}
	for _, l := range sum.Learners {
		if (l.Learner == "locked") != strings.Contains(l.Error, "unreadable workspace") {
			t.Errorf("JSON: %s has error %q", l.Learner, l.Error)
		}
	}

	sameFiles(t, before, snapshot(t, class))
	for _, dir := range []string{wd, tmp} {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.Name() == "stray.txt" {
				t.Errorf("the program's file was left at %s", path)
				os.Remove(path)
			}
			return nil
		})
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "sockbook-grade-*")); len(left) > 0 {
		t.Errorf("grade left its working folders: %v", left)
	}
}

// TestGradeProgress: on a terminal, grade draws a progress bar on stderr,
// redrawn in place with the checks done and the learner, and erases it.
func TestGradeProgress(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ada")
	if code, _, stderr := sockbook(t, pipe, "init", ws); code != exitOK {
		t.Fatalf("init: %s", stderr)
	}
	code, out, stderr := sockbook(t, tty, "grade", ws)
	if code != exitOK {
		t.Fatalf("grade: exit %d\n%s", code, stderr)
	}
	n := len(check.All())
	for _, want := range []string{"\r[", fmt.Sprintf("] 0/%d checked", n), fmt.Sprintf("] %d/%d checked · 0 ✔ 0 ✘ · ada", n, n)} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the progress bar lacks %q: %q", want, stderr)
		}
	}
	if !strings.HasSuffix(stderr, "\r\x1b[K") || strings.Contains(stderr, "\n") {
		t.Errorf("the bar is not one line erased at the end: %q", stderr)
	}
	if !strings.Contains(out, "Graded 1 workspace ×") {
		t.Errorf("no table on stdout:\n%s", out)
	}
}

// TestGradeMisuse: grade exits 2 when told to grade nothing it can find.
func TestGradeMisuse(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"grade"},
		{"grade", filepath.Join(dir, "nosuch")},
		{"grade", dir}, // holds no workspace
		{"grade", file},
		{"grade", dir, "--junit"},
		{"grade", dir, "--engine", "typo"},
	} {
		if code, _, _ := sockbook(t, pipe, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestSameCode: a program is still the starter when only its comments or
// layout differ (a workspace made by an older sockbook has older header
// comments), and not once a token of its code changed.
func TestSameCode(t *testing.T) {
	starter := []byte("// Exercise x.\npackage main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n")
	for _, tt := range []struct {
		name string
		src  string
		want bool
	}{
		{"the same", string(starter), true},
		{"another header comment", "// An older header.\n// Two lines.\npackage main\n\nfunc main() {\n\tprintln(\"hi\") // a note\n}\n", true},
		{"another layout", "package main\nfunc main() { println(\"hi\") }\n", true},
		{"a literal changed", "package main\nfunc main() { println(\"hello\") }\n", false},
		{"a line added", "package main\nfunc main() {\n\tprintln(\"hi\")\n\tprintln()\n}\n", false},
		{"does not scan", "package main\nfunc main() { println(\"hi) }\n", false},
	} {
		if got := sameCode([]byte(tt.src), starter); got != tt.want {
			t.Errorf("%s: sameCode = %v, want %v", tt.name, got, tt.want)
		}
	}
	// Every real starter is itself without its header, and not its
	// exercise's reference.
	for _, ex := range check.All() {
		st, err := solutions.Starter(ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := solutions.Reference(ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(string(st), "package main\n")
		if !sameCode([]byte("package main\n"+body), st) || sameCode(ref, st) {
			t.Errorf("%s: the starter without its header comment is not the same code, or the reference is", ex.ID)
		}
	}
}
