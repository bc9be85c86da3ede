// Package workspace is a learner's folder of exercises: one program per
// exercise under exercises/<id>/main.go (a starter at first), a go.mod that
// makes the folder a Go module (so that editors, go vet and go run work in
// it), and a progress file, sockbook.json, that records what was checked,
// passed and hinted. The rules of what a check or a hint records live here too, so
// that every command that checks or hints records the same thing.
package workspace

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// ProgressFile is the name of the progress file at a workspace's root.
const ProgressFile = "sockbook.json"

// Workspace is a folder set up by Init.
type Workspace struct {
	Dir string
}

// Progress is what the progress file holds.
type Progress struct {
	Version int `json:"version"`
	// Current is the exercise the learner works on (watch checks it).
	Current   string                     `json:"current,omitempty"`
	Exercises map[string]*ExerciseStatus `json:"exercises"`
}

// ExerciseStatus is one exercise's progress.
type ExerciseStatus struct {
	Checks     int       `json:"checks"`
	Passed     bool      `json:"passed"`
	PassedAt   time.Time `json:"passedAt,omitzero"`
	HintsShown int       `json:"hintsShown"`
}

// Status returns an exercise's status, creating it when new.
func (p *Progress) Status(id string) *ExerciseStatus {
	if p.Exercises == nil {
		p.Exercises = map[string]*ExerciseStatus{}
	}
	st, ok := p.Exercises[id]
	if !ok {
		st = &ExerciseStatus{}
		p.Exercises[id] = st
	}
	return st
}

// RecordCheck records a whole check of exercise id (every scenario, on
// the workspace's own program) that ended at the given time: one more
// check, the time of the first pass, and id becomes the current exercise.
// A check of some scenarios only, or of another program, is not recorded.
func (p *Progress) RecordCheck(id string, passed bool, at time.Time) {
	st := p.Status(id)
	st.Checks++
	if passed && !st.Passed {
		st.Passed, st.PassedAt = true, at.UTC()
	}
	p.Current = id
}

// RecordHints records that the first n hints of exercise id have been
// shown; the count never goes down.
func (p *Progress) RecordHints(id string, n int) {
	st := p.Status(id)
	st.HintsShown = max(st.HintsShown, n)
}

// NextHint returns how many hints to show now, of total: one more than
// before, or all of them when all is set, but never more than there are.
func (p *Progress) NextHint(id string, total int, all bool) int {
	if all {
		return total
	}
	return min(p.Status(id).HintsShown+1, total)
}

// Starter is one exercise's starting program.
type Starter struct {
	ID     string
	Source []byte
}

// ExercisePath returns where an exercise's program lives in the workspace.
func (w Workspace) ExercisePath(id string) string {
	return filepath.Join(w.Dir, "exercises", id, "main.go")
}

// File is a file of a workspace other than its exercises and its
// progress: go.mod, a CI workflow.
type File struct {
	Path string // relative to the workspace, with slashes
	Data []byte
}

// ModulePath is the module path of a workspace's go.mod.
const ModulePath = "sockets"

// goRelease finds the major.minor release in a Go version string.
var goRelease = regexp.MustCompile(`go(1\.[0-9]+)`)

// GoMod returns a workspace's go.mod for the Go toolchain whose version is
// toolchain, as runtime.Version gives it ("go1.26.8", or "devel go1.27-…"
// for a toolchain built from source): the module ModulePath, the go line at
// the toolchain's major.minor release, and no requirements, since the
// exercises use the standard library only.
func GoMod(toolchain string) (File, error) {
	m := goRelease.FindStringSubmatch(toolchain)
	if m == nil {
		return File{}, fmt.Errorf("go.mod: no Go release in the toolchain's version %q", toolchain)
	}
	return File{Path: "go.mod", Data: fmt.Appendf(nil, "module %s\n\ngo %s\n", ModulePath, m[1])}, nil
}

//go:embed github-workflow.yml
var githubWorkflow []byte

// GitHubWorkflowPath is where GitHub Actions finds the workflow that
// GitHubWorkflow returns.
const GitHubWorkflowPath = ".github/workflows/sockbook.yml"

// GitHubWorkflow returns a GitHub Actions workflow that installs Go and
// sockbook and runs `sockbook check --all` with a JUnit report on every
// push. Where sockbook is installed from is the variable SOCKBOOK_MODULE at
// its top.
func GitHubWorkflow() File {
	return File{Path: GitHubWorkflowPath, Data: githubWorkflow}
}

// Init sets up dir as a workspace, or adds to it what it lacks: it writes
// each starter and each file that does not exist yet (an existing file is
// never overwritten) and a progress file if there is none. It returns the
// paths it wrote.
func Init(dir string, starters []Starter, files ...File) (Workspace, []string, error) {
	w := Workspace{Dir: dir}
	var wrote []string
	all := make([]File, 0, len(starters)+len(files))
	for _, s := range starters {
		all = append(all, File{Path: "exercises/" + s.ID + "/main.go", Data: s.Source})
	}
	for _, f := range append(all, files...) {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(path); err == nil {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return w, wrote, fmt.Errorf("init %s: %w", dir, err)
		}
		if err := writeAtomic(path, f.Data); err != nil {
			return w, wrote, fmt.Errorf("init %s: %w", dir, err)
		}
		wrote = append(wrote, path)
	}
	if _, err := os.Stat(filepath.Join(dir, ProgressFile)); errors.Is(err, fs.ErrNotExist) {
		p := &Progress{Version: 1, Exercises: map[string]*ExerciseStatus{}}
		if len(starters) > 0 {
			p.Current = starters[0].ID
		}
		if err := w.Save(p); err != nil {
			return w, wrote, err
		}
		wrote = append(wrote, filepath.Join(dir, ProgressFile))
	}
	return w, wrote, nil
}

// Find returns the workspace that holds dir: dir itself or the nearest
// folder above it with a progress file.
func Find(dir string) (Workspace, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Workspace{}, false
	}
	for {
		if _, err := os.Stat(filepath.Join(abs, ProgressFile)); err == nil {
			return Workspace{Dir: abs}, true
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return Workspace{}, false
		}
		abs = parent
	}
}

// ErrCorrupt marks a progress file that cannot be read; it was moved aside.
var ErrCorrupt = errors.New("progress file is corrupt")

// Load reads the progress file. A file that does not parse is not reset
// silently: it is renamed to sockbook.json.bad-<time> and Load returns
// ErrCorrupt (with fresh progress, so the caller may go on).
func (w Workspace) Load() (*Progress, error) {
	path := filepath.Join(w.Dir, ProgressFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Progress{Version: 1, Exercises: map[string]*ExerciseStatus{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read progress: %w", err)
	}
	var p Progress
	if err := json.Unmarshal(b, &p); err != nil || p.Version != 1 {
		backup := fmt.Sprintf("%s.bad-%s", path, time.Now().Format("20060102-150405"))
		if rerr := os.Rename(path, backup); rerr != nil {
			return nil, fmt.Errorf("progress file %s is corrupt and could not be moved aside: %w", path, rerr)
		}
		why := "unknown version"
		if err != nil {
			why = err.Error()
		}
		return &Progress{Version: 1, Exercises: map[string]*ExerciseStatus{}},
			fmt.Errorf("%w (%s): kept as %s, starting afresh", ErrCorrupt, why, backup)
	}
	if p.Exercises == nil {
		p.Exercises = map[string]*ExerciseStatus{}
	}
	return &p, nil
}

// Save writes the progress file atomically: a temporary file renamed over
// the old one, so a crash never leaves half a file.
func (w Workspace) Save(p *Progress) error {
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return fmt.Errorf("save progress: %w", err)
	}
	if err := writeAtomic(filepath.Join(w.Dir, ProgressFile), append(b, '\n')); err != nil {
		return fmt.Errorf("save progress: %w", err)
	}
	return nil
}

// Reset writes an exercise's starter over the learner's program.
func (w Workspace) Reset(s Starter) error {
	path := w.ExercisePath(s.ID)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("reset %s: %w", s.ID, err)
	}
	if err := writeAtomic(path, s.Source); err != nil {
		return fmt.Errorf("reset %s: %w", s.ID, err)
	}
	return nil
}

// writeAtomic writes data to a temporary file beside path and renames it.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
