package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	starters := []Starter{{ID: "a", Source: []byte("package main // a\n")}, {ID: "b", Source: []byte("package main // b\n")}}
	w, wrote, err := Init(dir, starters)
	if err != nil {
		t.Fatal(err)
	}
	if len(wrote) != 3 {
		t.Errorf("wrote %v, want two starters and the progress file", wrote)
	}
	mine := []byte("package main // my work\n")
	if err := os.WriteFile(w.ExercisePath("a"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := w.Load()
	if err != nil {
		t.Fatal(err)
	}
	p.Status("a").Passed = true
	if err := w.Save(p); err != nil {
		t.Fatal(err)
	}
	_, wrote, err = Init(dir, starters)
	if err != nil {
		t.Fatal(err)
	}
	if len(wrote) != 0 {
		t.Errorf("a second init wrote %v; it must not touch existing files", wrote)
	}
	got, _ := os.ReadFile(w.ExercisePath("a"))
	if string(got) != string(mine) {
		t.Errorf("init overwrote the learner's file")
	}
	p, err = w.Load()
	if err != nil || !p.Status("a").Passed {
		t.Errorf("progress lost by a second init: %v %+v", err, p)
	}
	if p.Current != "a" {
		t.Errorf("current = %q, want the first exercise", p.Current)
	}
}

// TestInitAddsWhatIsMissing: init into an existing workspace writes the
// files it lacks (a go.mod, a workflow, a new exercise's starter) and
// leaves every file that is there as it is, even one that differs from
// what init would write.
func TestInitAddsWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	a := []Starter{{ID: "a", Source: []byte("package main // a\n")}}
	if _, _, err := Init(dir, a); err != nil {
		t.Fatal(err)
	}
	mod, err := GoMod("go1.26.8")
	if err != nil {
		t.Fatal(err)
	}
	mine := []byte("module mine\n\ngo 1.25\n")
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	ab := append(a, Starter{ID: "b", Source: []byte("package main // b\n")})
	_, wrote, err := Init(dir, ab, mod, GitHubWorkflow())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "exercises", "b", "main.go"), filepath.Join(dir, ".github", "workflows", "sockbook.yml")}
	if strings.Join(wrote, "\n") != strings.Join(want, "\n") {
		t.Errorf("wrote %q, want %q", wrote, want)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "go.mod")); string(got) != string(mine) {
		t.Errorf("init overwrote the learner's go.mod with %q", got)
	}
}

func TestGoMod(t *testing.T) {
	for _, tt := range []struct{ toolchain, want string }{
		{"go1.26.8", "module sockets\n\ngo 1.26\n"},
		{"go1.27rc1", "module sockets\n\ngo 1.27\n"},
		{"go1.30", "module sockets\n\ngo 1.30\n"},
		{"devel go1.27-0123abcd Tue Dec 1 10:00:00 2026 +0000", "module sockets\n\ngo 1.27\n"},
	} {
		f, err := GoMod(tt.toolchain)
		if err != nil || f.Path != "go.mod" || string(f.Data) != tt.want {
			t.Errorf("GoMod(%q) = %q %q, %v; want go.mod %q", tt.toolchain, f.Path, f.Data, err, tt.want)
		}
	}
	if _, err := GoMod("gccgo"); err == nil {
		t.Errorf("GoMod of a version without a Go release: no error")
	}
}

// TestGitHubWorkflow: the workflow parses as YAML and has what GitHub
// Actions needs to run it: a trigger, the module variable at the top, and
// a job whose steps install Go from the workspace's go.mod, install
// sockbook from the variable, check every exercise into a JUnit report
// and upload it.
func TestGitHubWorkflow(t *testing.T) {
	var wf struct {
		On   map[string]any    `yaml:"on"`
		Env  map[string]string `yaml:"env"`
		Jobs map[string]struct {
			RunsOn string `yaml:"runs-on"`
			Steps  []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				If   string            `yaml:"if"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(GitHubWorkflow().Data, &wf); err != nil {
		t.Fatalf("the workflow is not YAML: %v", err)
	}
	if _, ok := wf.On["push"]; !ok {
		t.Errorf("the workflow does not run on push: on = %v", wf.On)
	}
	if !strings.Contains(wf.Env["SOCKBOOK_MODULE"], "REPLACE-ME") {
		t.Errorf("SOCKBOOK_MODULE = %q, want the marked placeholder", wf.Env["SOCKBOOK_MODULE"])
	}
	job, ok := wf.Jobs["check"]
	if !ok || job.RunsOn == "" {
		t.Fatalf("no job 'check' with runs-on: %+v", wf.Jobs)
	}
	var setupGo, install, checkAll, upload bool
	for _, st := range job.Steps {
		switch {
		case strings.HasPrefix(st.Uses, "actions/setup-go@"):
			setupGo = st.With["go-version-file"] == "go.mod"
		case strings.Contains(st.Run, `go install "$SOCKBOOK_MODULE@latest"`):
			install = true
		case st.Run == "sockbook check --all --junit report.xml":
			checkAll = true
		case strings.HasPrefix(st.Uses, "actions/upload-artifact@"):
			upload = st.With["path"] == "report.xml" && st.If != ""
		}
	}
	if !setupGo || !install || !checkAll || !upload {
		t.Errorf("steps: setup-go from go.mod %v, go install from SOCKBOOK_MODULE %v, check --all --junit %v, upload the report even after a failure %v",
			setupGo, install, checkAll, upload)
	}
}

func TestCorruptProgressIsKeptAndReported(t *testing.T) {
	dir := t.TempDir()
	w := Workspace{Dir: dir}
	if err := os.WriteFile(filepath.Join(dir, ProgressFile), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := w.Load()
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Load of a corrupt file: err = %v, want ErrCorrupt", err)
	}
	if p == nil || len(p.Exercises) != 0 {
		t.Errorf("want fresh progress to go on with, got %+v", p)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, ProgressFile+".bad-*"))
	if len(backups) != 1 {
		t.Fatalf("want the corrupt file kept as a backup, found %v", backups)
	}
	b, _ := os.ReadFile(backups[0])
	if string(b) != "{not json" {
		t.Errorf("backup holds %q", b)
	}
	if !strings.Contains(err.Error(), "kept as") {
		t.Errorf("the message must say where the file went: %v", err)
	}
}

func TestSaveIsAtomicAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	w := Workspace{Dir: dir}
	p := &Progress{Version: 1}
	p.Status("x").Checks = 3
	if err := w.Save(p); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != ProgressFile {
		t.Errorf("folder holds %v, want only %s", entries, ProgressFile)
	}
	got, err := w.Load()
	if err != nil || got.Status("x").Checks != 3 {
		t.Errorf("round trip: %v %+v", err, got)
	}
}

func TestFindWalksUp(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := Init(dir, nil); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "exercises", "a")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	w, ok := Find(sub)
	if !ok || w.Dir != dir {
		t.Errorf("Find(%s) = %v %v, want %s", sub, w, ok, dir)
	}
	if _, ok := Find(t.TempDir()); ok {
		t.Errorf("Find found a workspace in an empty folder")
	}
}

func TestRecordCheck(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		passes     []bool
		wantChecks int
		wantPassed bool
		wantAt     time.Time
	}{
		{"one failure", []bool{false}, 1, false, time.Time{}},
		{"fail then pass", []bool{false, true}, 2, true, t0.Add(time.Minute)},
		{"a pass is kept after a later failure", []bool{true, false}, 2, true, t0},
		{"the first pass's time is kept", []bool{true, true}, 2, true, t0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Progress{Version: 1}
			for i, pass := range tt.passes {
				p.RecordCheck("line-frames", pass, t0.Add(time.Duration(i)*time.Minute))
			}
			st := p.Status("line-frames")
			if st.Checks != tt.wantChecks || st.Passed != tt.wantPassed || !st.PassedAt.Equal(tt.wantAt) {
				t.Errorf("status = %+v, want %d checks, passed %v at %v", *st, tt.wantChecks, tt.wantPassed, tt.wantAt)
			}
			if p.Current != "line-frames" {
				t.Errorf("current = %q, want the checked exercise", p.Current)
			}
		})
	}
}

func TestHints(t *testing.T) {
	tests := []struct {
		name         string
		shown, total int
		all          bool
		want         int
	}{
		{"first call shows one", 0, 3, false, 1},
		{"each call shows one more", 1, 3, false, 2},
		{"never past the last", 3, 3, false, 3},
		{"all shows every hint", 0, 3, true, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Progress{Version: 1}
			p.RecordHints("x", tt.shown)
			if got := p.NextHint("x", tt.total, tt.all); got != tt.want {
				t.Errorf("NextHint = %d, want %d", got, tt.want)
			}
		})
	}
	p := &Progress{Version: 1}
	p.RecordHints("x", 2)
	p.RecordHints("x", 1)
	if got := p.Status("x").HintsShown; got != 2 {
		t.Errorf("hints shown went down to %d", got)
	}
}
