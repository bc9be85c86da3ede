package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"sockbook/content/render"
	"sockbook/runner/check"
	"sockbook/runner/check/workspace"
	"sockbook/solutions"
)

func cmdGrade(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "grade", `
Usage: sockbook grade DIR... [--csv FILE] [--junit FILE] [--json]

Checks every exercise of every learner's workspace and prints a table,
learner by exercise: ✔ 9/9 passed (scenarios passed of all), ✘ 4/7
failed, — not started (the starter unchanged, or no program). Each DIR is
a workspace (it holds sockbook.json) or a folder of workspaces, one per
learner (grade class/). As many checks run at once as there are cores;
each program runs in a temporary working folder of its own, so nothing
it writes lands in a workspace or here. A workspace that cannot be read,
a missing program or one that does not compile is shown in its cell, and
grading goes on.

Exit status: 0 when grading completed, whatever the scores (they are in
the table and the reports), 1 when a report could not be written, 2
misuse.`)
	csvPath := fs.String("csv", "", "also write the verdicts to this file as CSV, a row per learner and exercise")
	junitPath := fs.String("junit", "", "also write the verdicts to this file as a JUnit XML report (a test case per learner and exercise)")
	asJSON := fs.Bool("json", false, "print the verdicts as JSON instead of the table")
	engine := addEngineFlag(fs)
	limits := addLimitFlags(fs)
	noColor := fs.Bool("no-color", false, "no colours")
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	if len(pos) == 0 {
		fs.Usage()
		return exitUsage
	}
	learners, err := findWorkspaces(pos)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook grade: %v\n", err)
		return exitUsage
	}
	workRoot, err := os.MkdirTemp("", "sockbook-grade-")
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook grade: %v\n", err)
		return exitFailed
	}
	defer os.RemoveAll(workRoot)

	start := time.Now()
	jobs, err := gradeJobs(learners, workRoot)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook grade: %v\n", err)
		return exitFailed
	}
	var bar *progressBar
	if env.term.isTTY {
		bar = &progressBar{w: env.stderr, total: len(jobs), width: env.term.displayWidth(0)}
	}
	verdicts := checkJobs(ctx, jobs, check.Options{Command: env.child, Builder: env.builder, Engine: engine.engine, Limits: limits()},
		func(i int) { bar.start(learners[jobs[i].learner].Learner) },
		func(i int, v exerciseVerdict) { bar.finish(v.Status) })
	bar.clear()
	if ctx.Err() != nil {
		fmt.Fprintln(env.stderr, "sockbook grade: interrupted")
		return exitInt
	}
	for i, job := range jobs {
		l := &learners[job.learner]
		l.Verdicts = append(l.Verdicts, verdicts[i])
	}

	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(newGradeSummary(learners)); err != nil {
			fmt.Fprintf(env.stderr, "sockbook grade: %v\n", err)
			return exitFailed
		}
	} else {
		what := "workspaces"
		if len(learners) == 1 {
			what = "workspace"
		}
		fmt.Fprintf(env.stdout, "Graded %d %s × %d exercises in %s.\n\n", len(learners), what, len(check.All()), time.Since(start).Round(time.Second))
		printGradeTable(env.stdout, learners, newVerdictPalette(env.term.color && !*noColor))
	}
	status := exitOK
	if *csvPath != "" {
		var b bytes.Buffer
		err := writeCSV(&b, learners)
		if err == nil {
			err = writeReport(*csvPath, b.Bytes())
		}
		if err != nil {
			fmt.Fprintf(env.stderr, "sockbook grade: %v\n", err)
			status = exitFailed
		}
	}
	if *junitPath != "" {
		if err := writeJUnit(*junitPath, learners); err != nil {
			fmt.Fprintf(env.stderr, "sockbook grade: %v\n", err)
			status = exitFailed
		}
	}
	return status
}

// findWorkspaces returns a learner for each workspace that dirs name: a
// folder holding sockbook.json is a workspace, and a folder without one
// stands for the workspaces among its subfolders. A workspace whose
// progress file cannot even be looked at is returned with its Error set;
// a DIR that is neither a workspace nor holds one is misuse.
func findWorkspaces(dirs []string) ([]learnerVerdicts, error) {
	var learners []learnerVerdicts
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("%s is not a folder: give workspaces, or folders of them", dir)
		}
		switch err := isWorkspace(dir); {
		case err == nil:
			learners = append(learners, learnerVerdicts{Workspace: dir})
			continue
		case !errors.Is(err, os.ErrNotExist):
			learners = append(learners, learnerVerdicts{Workspace: dir, Error: err.Error()})
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("%s is neither a workspace nor a folder of workspaces: %w", dir, err)
		}
		found := 0
		for _, e := range entries {
			sub := filepath.Join(dir, e.Name())
			if info, err := os.Stat(sub); err != nil || !info.IsDir() {
				continue
			}
			switch err := isWorkspace(sub); {
			case err == nil:
				learners = append(learners, learnerVerdicts{Workspace: sub})
			case !errors.Is(err, os.ErrNotExist):
				learners = append(learners, learnerVerdicts{Workspace: sub, Error: err.Error()})
			default:
				continue
			}
			found++
		}
		if found == 0 {
			return nil, fmt.Errorf("%s is not a workspace and holds none (a workspace has a %s; sockbook init DIR makes one)", dir, workspace.ProgressFile)
		}
	}
	nameLearners(learners)
	return learners, nil
}

// isWorkspace returns nil when dir holds a progress file, an error that
// is os.ErrNotExist when it holds none, and another error when the file
// cannot be looked at.
func isWorkspace(dir string) error {
	_, err := os.Stat(filepath.Join(dir, workspace.ProgressFile))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("unreadable workspace: %w", err)
	}
	return err
}

// nameLearners names each learner after their workspace's folder, or, when
// two folders have the same name, after its path as given.
func nameLearners(learners []learnerVerdicts) {
	count := map[string]int{}
	base := func(dir string) string {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return filepath.Base(dir)
		}
		return filepath.Base(abs)
	}
	for _, l := range learners {
		count[base(l.Workspace)]++
	}
	for i := range learners {
		l := &learners[i]
		l.Learner = base(l.Workspace)
		if count[l.Learner] > 1 {
			l.Learner = filepath.ToSlash(filepath.Clean(l.Workspace))
		}
	}
}

// gradeJobs returns a check for every exercise of every learner, each
// working in a folder of its own under workRoot. A learner whose
// workspace cannot be read gets no jobs: an error verdict per exercise.
func gradeJobs(learners []learnerVerdicts, workRoot string) ([]checkJob, error) {
	var jobs []checkJob
	for i := range learners {
		l := &learners[i]
		w := workspace.Workspace{Dir: l.Workspace}
		for _, ex := range check.All() {
			if l.Error != "" {
				l.Verdicts = append(l.Verdicts, exerciseVerdict{Exercise: ex.ID, Status: statusError, Total: len(ex.Scenarios), Reason: l.Error})
				continue
			}
			starter, err := solutions.Starter(ex.ID)
			if err != nil {
				return nil, err
			}
			jobs = append(jobs, checkJob{learner: i, ex: ex, path: w.ExercisePath(ex.ID), starter: starter, workRoot: workRoot})
		}
	}
	return jobs, nil
}

// gradeSummary is what grade --json prints: every learner's verdicts, and
// how many learners passed each exercise.
type gradeSummary struct {
	Exercises []exerciseTotal  `json:"exercises"`
	Learners  []learnerSummary `json:"learners"`
}

// learnerSummary is one learner's verdicts with their count of passes.
type learnerSummary struct {
	learnerVerdicts
	Passed int `json:"passed"`
	Of     int `json:"of"`
}

// exerciseTotal counts one exercise's verdicts across the class.
type exerciseTotal struct {
	Exercise   string `json:"exercise"`
	Passed     int    `json:"passed"`
	Failed     int    `json:"failed"`
	NotStarted int    `json:"notStarted"`
	Errors     int    `json:"errors"`
}

func newGradeSummary(learners []learnerVerdicts) gradeSummary {
	var s gradeSummary
	totals := exerciseTotals(learners)
	s.Exercises = totals
	for _, l := range learners {
		s.Learners = append(s.Learners, learnerSummary{learnerVerdicts: l, Passed: l.passed(), Of: len(l.Verdicts)})
	}
	return s
}

// exerciseTotals counts each exercise's verdicts, in the order of
// check.All.
func exerciseTotals(learners []learnerVerdicts) []exerciseTotal {
	var totals []exerciseTotal
	for i, ex := range check.All() {
		t := exerciseTotal{Exercise: ex.ID}
		for _, l := range learners {
			switch l.Verdicts[i].Status {
			case statusPass:
				t.Passed++
			case statusFail:
				t.Failed++
			case statusNotStarted:
				t.NotStarted++
			case statusError:
				t.Errors++
			}
		}
		totals = append(totals, t)
	}
	return totals
}

// gradeCell is the short form of a verdict in the table: ✔ 9/9, ✘ 4/7,
// ✘ build (does not compile), ! error, — (not started).
func gradeCell(v exerciseVerdict) string {
	switch {
	case v.Status == statusPass:
		return fmt.Sprintf("✔ %d/%d", v.Passed, v.Total)
	case v.Compile:
		return "✘ build"
	case v.Status == statusFail:
		return fmt.Sprintf("✘ %d/%d", v.Passed, v.Total)
	case v.Status == statusError:
		return "! error"
	}
	return "—"
}

// printGradeTable prints the class's table: a row per learner, a column
// per exercise (numbered, with a key above), the learner's passes at the
// end of each row and each exercise's at the foot of each column; then a
// note for every cell whose reason does not fit in it.
func printGradeTable(w io.Writer, learners []learnerVerdicts, pal verdictPalette) {
	exercises := check.All()
	var key []string
	for i, ex := range exercises {
		key = append(key, fmt.Sprintf("%d %s", i+1, ex.ID))
	}
	printKey(w, key, 3)
	fmt.Fprintln(w)

	nameWidth := len("learner")
	for _, l := range learners {
		nameWidth = max(nameWidth, render.VisibleWidth(l.Learner))
	}
	cellWidth := len("10/100") // the foot's counts
	for _, l := range learners {
		for _, v := range l.Verdicts {
			cellWidth = max(cellWidth, render.VisibleWidth(gradeCell(v)))
		}
	}
	cellWidth += 2 // columns are set apart by two spaces at least
	pad := func(s string, width int) string { return s + strings.Repeat(" ", max(width-render.VisibleWidth(s), 0)) }
	colour := func(cell string) string {
		switch {
		case strings.HasPrefix(cell, "✔"):
			return pal.pass(cell)
		case strings.HasPrefix(cell, "✘"), strings.HasPrefix(cell, "!"):
			return pal.fail(cell)
		}
		return pal.dim(cell)
	}

	head := pad("learner", nameWidth+2)
	for i := range exercises {
		head += pad(fmt.Sprint(i+1), cellWidth)
	}
	fmt.Fprintln(w, head+"passed")
	var notes []string
	for _, l := range learners {
		line := pad(l.Learner, nameWidth+2)
		if l.Error != "" {
			notes = append(notes, fmt.Sprintf("%s: %s", l.Learner, l.Error))
		}
		for _, v := range l.Verdicts {
			cell := gradeCell(v)
			line += colour(cell) + strings.Repeat(" ", max(cellWidth-render.VisibleWidth(cell), 0))
			if note := cellNote(v); note != "" && l.Error == "" {
				notes = append(notes, fmt.Sprintf("%s, %s: %s", l.Learner, v.Exercise, note))
			}
		}
		fmt.Fprintln(w, line+fmt.Sprintf("%d/%d", l.passed(), len(l.Verdicts)))
	}
	foot := pad("passed", nameWidth+2)
	for _, t := range exerciseTotals(learners) {
		foot += pad(fmt.Sprintf("%d/%d", t.Passed, len(learners)), cellWidth)
	}
	fmt.Fprintln(w, strings.TrimRight(foot, " "))
	if len(notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range notes {
			fmt.Fprintln(w, n)
		}
	}
}

// cellNote is what a cell cannot say itself: why a program does not
// compile, could not be checked, or is missing.
func cellNote(v exerciseVerdict) string {
	switch {
	case v.Compile:
		return "does not compile: " + firstLine(v.Reason)
	case v.Status == statusError:
		return firstLine(v.Reason)
	case v.Status == statusNotStarted && v.Reason != "the starter, unchanged":
		return v.Reason
	}
	return ""
}

// printKey prints the table's key, items in columns, down then across.
func printKey(w io.Writer, items []string, columns int) {
	rows := (len(items) + columns - 1) / columns
	width := 0
	for _, it := range items {
		width = max(width, len(it))
	}
	for r := range rows {
		var line strings.Builder
		line.WriteString("  ")
		for c := range columns {
			if i := c*rows + r; i < len(items) {
				line.WriteString(items[i] + strings.Repeat(" ", width+2-len(items[i])))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
	}
}

// progressBar is grade's progress on a terminal: one line on stderr,
// redrawn in place, with the checks done, their verdicts so far and the
// learner whose program was started last. A nil bar draws nothing.
type progressBar struct {
	w     io.Writer
	total int
	width int

	mu                   sync.Mutex
	done, passed, failed int
	learner              string
}

func (b *progressBar) start(learner string) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.learner = learner
	b.draw()
}

func (b *progressBar) finish(s verdictStatus) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done++
	switch s {
	case statusPass:
		b.passed++
	case statusFail, statusError:
		b.failed++
	}
	b.draw()
}

// draw writes the line over the last one; the caller holds mu.
func (b *progressBar) draw() {
	const cells = 20
	filled := cells * b.done / max(b.total, 1)
	line := fmt.Sprintf("[%s%s] %d/%d checked · %d ✔ %d ✘ · %s",
		strings.Repeat("█", filled), strings.Repeat("░", cells-filled), b.done, b.total, b.passed, b.failed, b.learner)
	fmt.Fprint(b.w, "\r"+render.Truncate(line, max(b.width-1, 20))+"\x1b[K")
}

// clear erases the bar's line.
func (b *progressBar) clear() {
	if b == nil {
		return
	}
	fmt.Fprint(b.w, "\r\x1b[K")
}
