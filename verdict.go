package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"sockbook/runner"
	"sockbook/runner/check"
	"sockbook/runner/event"
)

// verdictStatus is how one exercise of one workspace came out.
type verdictStatus string

// The statuses of a verdict.
const (
	statusPass verdictStatus = "pass"
	// statusFail: a scenario failed, or the program does not compile.
	statusFail verdictStatus = "fail"
	// statusNotStarted: the program is the starter, unchanged, or is not
	// there at all; it is not run.
	statusNotStarted verdictStatus = "not-started"
	// statusError: the program could not be read or checked.
	statusError verdictStatus = "error"
)

// exerciseVerdict is the outcome of checking one exercise of one workspace: what
// grade tabulates and every report (JSON, CSV, JUnit) is written from.
type exerciseVerdict struct {
	Exercise string        `json:"exercise"`
	Status   verdictStatus `json:"status"`
	Passed   int           `json:"scenariosPassed"`
	Total    int           `json:"scenarios"`
	Seconds  float64       `json:"seconds"`
	// Compile reports whether the program does not compile.
	Compile bool `json:"compile,omitempty"`
	// Reason says why a program was not started or not checked, or why it
	// does not compile.
	Reason string `json:"reason,omitempty"`
	// First is the first scenario that failed.
	First *check.ScenarioResult `json:"firstFailure,omitempty"`
	// report is the whole check, when it ran.
	report *check.Report
}

// learnerVerdicts is one workspace's verdicts, one per exercise in the
// order of check.All.
type learnerVerdicts struct {
	Learner   string `json:"learner"`
	Workspace string `json:"workspace"`
	// Error says why the workspace could not be read at all.
	Error    string            `json:"error,omitempty"`
	Verdicts []exerciseVerdict `json:"exercises"`
}

// passed returns how many exercises the learner passed.
func (l learnerVerdicts) passed() int {
	n := 0
	for _, v := range l.Verdicts {
		if v.Status == statusPass {
			n++
		}
	}
	return n
}

// checkJob is one exercise of one workspace to check.
type checkJob struct {
	learner int // index into the learners being checked
	ex      check.Exercise
	path    string // the program: a workspace's exercises/<id>/main.go
	// starter, if set, is the exercise's starter program: a program whose
	// code is still the starter's (comments and layout aside: a workspace
	// made by an older sockbook has older header comments), or no program
	// at all, is not started and not run.
	starter []byte
	// workRoot, if set, is a folder under which the program gets a working
	// folder of its own for its check, removed after it: whatever files it
	// writes land there and nowhere else.
	workRoot string
}

// checkJobs checks every job, at most as many at once as the machine has
// cores, and returns their verdicts in the jobs' order. started and
// finished, if set, are called as each job starts and ends, from the
// job's goroutine.
func checkJobs(ctx context.Context, jobs []checkJob, opts check.Options, started func(i int), finished func(i int, v exerciseVerdict)) []exerciseVerdict {
	verdicts := make([]exerciseVerdict, len(jobs))
	// At most as many checks at once as the machine has cores: each runs
	// a server and its checker's clients, and more at once only makes
	// every check slower and its time-bound scenarios less fair.
	inParallel(runtime.NumCPU(), len(jobs), func(i int) {
		if started != nil {
			started(i)
		}
		verdicts[i] = checkOne(ctx, jobs[i], opts)
		if finished != nil {
			finished(i, verdicts[i])
		}
	})
	return verdicts
}

// checkOne checks one job.
func checkOne(ctx context.Context, job checkJob, opts check.Options) exerciseVerdict {
	v := exerciseVerdict{Exercise: job.ex.ID, Total: len(job.ex.Scenarios)}
	if job.starter != nil {
		src, err := os.ReadFile(job.path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			v.Status, v.Reason = statusNotStarted, "no program: "+filepath.ToSlash(filepath.Join("exercises", job.ex.ID, "main.go"))+" is missing"
			return v
		case err == nil && sameCode(src, job.starter):
			v.Status, v.Reason = statusNotStarted, "the starter, unchanged"
			return v
		}
	}
	// The exercise's folder: a program may be several files.
	prog, err := runner.LoadProgram(filepath.Dir(job.path))
	if err != nil {
		v.Status, v.Reason = statusError, err.Error()
		return v
	}
	if job.workRoot != "" {
		dir, err := os.MkdirTemp(job.workRoot, job.ex.ID+"-")
		if err != nil {
			v.Status, v.Reason = statusError, fmt.Sprintf("a working folder for the program: %v", err)
			return v
		}
		defer os.RemoveAll(dir)
		opts.Dir = dir
	}
	rep, err := check.Run(ctx, job.ex, prog, opts)
	if err != nil {
		v.Status, v.Reason = statusError, err.Error()
		return v
	}
	return verdictOf(rep)
}

// verdictOf sums up a check's report.
func verdictOf(rep *check.Report) exerciseVerdict {
	v := exerciseVerdict{Exercise: rep.Exercise, Status: statusPass, Total: len(rep.Scenarios), report: rep}
	for i := range rep.Scenarios {
		sc := &rep.Scenarios[i]
		v.Seconds += sc.Seconds
		switch {
		case sc.Pass && !sc.Skipped:
			v.Passed++
		case !sc.Pass && !sc.Skipped && v.First == nil:
			v.First = sc
		}
	}
	if !rep.Pass {
		v.Status = statusFail
	}
	if v.First != nil && compileFailed(v.First.Events) {
		v.Compile, v.Reason = true, v.First.What
	}
	return v
}

// sameCode reports whether two Go sources are the same program, whatever
// their comments and layout: both parse, and print the same without
// their comments.
func sameCode(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	ca, oka := canonicalCode(a)
	cb, okb := canonicalCode(b)
	return oka && okb && bytes.Equal(ca, cb)
}

// canonicalCode returns a Go source as gofmt prints it, without its
// comments; ok is false when the source does not parse.
func canonicalCode(src []byte) (code []byte, ok bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, 0)
	if err != nil {
		return nil, false
	}
	var b bytes.Buffer
	// Printed against an empty file set, the nodes have no positions, and
	// so no layout of their own: every source comes out in one layout.
	if err := format.Node(&b, token.NewFileSet(), f); err != nil {
		return nil, false
	}
	return b.Bytes(), true
}

// compileFailed reports whether a scenario's transcript holds the
// runner's "does not compile" failure.
func compileFailed(events []event.Event) bool {
	for _, ev := range events {
		if ev.Kind == event.Failure && ev.Err == string(runner.Compile) {
			return true
		}
	}
	return false
}

// failureMessage says in one line why a verdict is not a pass: the first
// failing scenario's name with what was expected and what came back, or
// the reason the program was not checked.
func failureMessage(v exerciseVerdict) string {
	switch {
	case v.First == nil:
		return v.Reason
	case v.First.Expected != "" || v.First.Got != "":
		return fmt.Sprintf("%s: expected %s, got %s", v.First.Name, v.First.Expected, v.First.Got)
	}
	return fmt.Sprintf("%s: %s", v.First.Name, firstLine(v.First.What))
}

// firstLine returns s up to its first line break.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
