package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"sockbook/solutions"
)

// projectCase is a program a project exercise's check is tested against,
// and exactly the scenarios it must fail.
type projectCase struct {
	dir  string
	fail []string
}

// projectSlow lists, per exercise, scenarios that take seconds even for a
// correct program (time-limit waits out the 5 s limit, 8 s for a server
// without one); they run only for the reference and for the programs whose
// case names them in fail. The remote-cmd starter, which has no time limit
// either, is not run against time-limit: it fails other scenarios.
func projectSlow() map[string][]string {
	return map[string][]string{"remote-cmd": {"time-limit"}}
}

// projectStarters lists the scenarios each project exercise's starter
// fails. (The flawed programs in testdata say what they fail in their
// header comments; a starter is the learner's, and says nothing of the
// checker.)
func projectStarters() map[string][]string {
	return map[string][]string{
		"file-upload":   {"name-escapes-dir", "name-with-separator", "name-windows", "bad-checksum", "body-cut-short", "malformed-header", "reset-mid-body", "header-length-limit"},
		"upload-client": {"upload-text", "upload-binary", "upload-empty", "upload-large", "server-refuses", "reply-in-pieces", "reply-cut-short", "endless-reply", "server-resets"},
		"remote-cmd":    {"shell-metacharacters", "not-allowed", "output-capped", "oversize-frame"},
	}
}

// projectCases returns, per exercise, its starter and its flawed programs
// with what each must fail.
func projectCases(t testing.TB) map[string][]projectCase {
	cases := make(map[string][]projectCase)
	for _, ex := range projectExercises() {
		cases[ex.ID] = append(cases[ex.ID], projectCase{dir: starterDir(ex.ID), fail: projectStarters()[ex.ID]})
		for _, f := range flawedPrograms(t, ex) {
			cases[ex.ID] = append(cases[ex.ID], projectCase{dir: f.dir, fail: f.fail})
		}
	}
	return cases
}

// withoutSlow returns ex without the slow scenarios that c does not fail.
func withoutSlow(ex Exercise, c projectCase) Exercise {
	slow := projectSlow()[ex.ID]
	ex.Scenarios = slices.DeleteFunc(slices.Clone(ex.Scenarios), func(sc Scenario) bool {
		return slices.Contains(slow, sc.Name) && !slices.Contains(c.fail, sc.Name)
	})
	return ex
}

// TestProjectPrograms checks every project exercise's reference (which
// must pass every scenario), starter and broken programs (which must fail
// exactly the scenarios their case names).
func TestProjectPrograms(t *testing.T) {
	sched := newProjectScheduler()
	cases := projectCases(t)
	var wg sync.WaitGroup
	for _, ex := range projectExercises() {
		programs := []projectProgram{{label: "reference", ex: ex, c: projectCase{dir: referenceDir(ex.ID)}}}
		for _, c := range cases[ex.ID] {
			programs = append(programs, projectProgram{label: filepath.Base(c.dir), ex: withoutSlow(ex, c), c: c})
		}
		wg.Go(func() {
			t.Run(ex.ID, func(t *testing.T) { sched.check(t, programs) })
		})
	}
	wg.Wait()
}

// TestProjectProgramsUnderYaegi checks the references and starters as the
// runner runs them, interpreted by yaegi, when SOCKBOOK_YAEGI names a yaegi
// binary (go build -o /tmp/yaegi github.com/traefik/yaegi/cmd/yaegi):
// each program runs in its own process, as `yaegi run main.go -addr …`
// with the unrestricted symbols (os/exec), through a small shell script.
func TestProjectProgramsUnderYaegi(t *testing.T) {
	yaegi := os.Getenv("SOCKBOOK_YAEGI")
	if yaegi == "" {
		t.Skip("SOCKBOOK_YAEGI is not set")
	}
	sched := newProjectScheduler()
	cases := projectCases(t)
	var wg sync.WaitGroup
	for _, ex := range projectExercises() {
		starter := cases[ex.ID][0]
		programs := []projectProgram{
			{label: "reference", ex: ex, c: projectCase{dir: referenceDir(ex.ID)}},
			{label: "starter", ex: withoutSlow(ex, starter), c: starter},
		}
		for i, p := range programs {
			programs[i].bin = yaegiScript(t, yaegi, p.c.dir)
		}
		wg.Go(func() {
			t.Run(ex.ID, func(t *testing.T) { sched.check(t, programs) })
		})
	}
	wg.Wait()
}

// yaegiScript writes a shell script that runs dir/main.go with yaegi and
// the script's arguments, and returns its path.
func yaegiScript(t *testing.T, yaegi, dir string) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join(dir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "run")
	body := fmt.Sprintf("#!/bin/sh\nYAEGI_UNRESTRICTED=1 exec %q run %q \"$@\"\n", yaegi, src)
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script
}

// TestProjectExercises checks the exercises' order, ids and titles, and
// that every starter fails.
func TestProjectExercises(t *testing.T) {
	var ids []string
	for _, ex := range projectExercises() {
		ids = append(ids, ex.ID)
		if ex.Chapter != "projects" || ex.Title == "" || len(ex.Scenarios) == 0 {
			t.Errorf("%s: chapter %q, title %q, %d scenarios", ex.ID, ex.Chapter, ex.Title, len(ex.Scenarios))
		}
		if len(projectStarters()[ex.ID]) == 0 {
			t.Errorf("%s: the starter must fail at least one scenario", ex.ID)
		}
	}
	if want := []string{"file-upload", "upload-client", "remote-cmd"}; !slices.Equal(ids, want) {
		t.Fatalf("projectExercises() = %q, want %q", ids, want)
	}
}

// TestProjectSolutionFiles checks that each project exercise has its
// reference, starter and 2 to 4 hints where the solutions package finds
// them.
func TestProjectSolutionFiles(t *testing.T) {
	for _, ex := range projectExercises() {
		if _, err := solutions.Reference(ex.ID); err != nil {
			t.Error(err)
		}
		if _, err := solutions.Starter(ex.ID); err != nil {
			t.Error(err)
		}
		hints, err := solutions.Hints(ex.ID)
		if err != nil {
			t.Error(err)
		} else if len(hints) < 2 || len(hints) > 4 {
			t.Errorf("%s: %d hints, want 2 to 4", ex.ID, len(hints))
		}
	}
}
