package check

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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

// projectCases returns, per exercise, its starter and its deliberately
// broken programs (testdata/<id>/<flaw>/main.go) with what each must fail.
func projectCases() map[string][]projectCase {
	flaw := func(id, name string, fail ...string) projectCase {
		return projectCase{dir: flawDir(id, name), fail: fail}
	}
	return map[string][]projectCase{
		"file-upload": {
			{dir: starterDir("file-upload"), fail: []string{
				"name-escapes-dir", "name-with-separator", "name-windows", "bad-checksum", "body-cut-short", "header-length-limit",
			}},
			// The name is used as a path: "../x" and "a/b" land outside DIR
			// or in a subfolder, and "NUL" is stored. ".", "..", "" and NUL
			// fail at the OS, which this program reports correctly.
			flaw("file-upload", "name-as-path", "name-escapes-dir", "name-with-separator", "name-windows"),
			// Checks separators only, and ignores os.Rename's error: ".",
			// ".." and "" are "stored", and their temporary file stays.
			flaw("file-upload", "ignores-rename-error", "name-special", "name-windows"),
			// Refuses only the names that are unsafe on Unix: "NUL" and
			// "C:x" are stored.
			flaw("file-upload", "windows-names", "name-windows"),
			flaw("file-upload", "no-checksum", "bad-checksum"),
			// Writes to DIR/name directly: a refused body stays on disk.
			flaw("file-upload", "no-temp-file", "bad-checksum", "body-cut-short"),
			flaw("file-upload", "no-header-limit", "header-length-limit"),
			// Trusts one Read to return the whole header: a chopped one, or
			// one of 64 KiB, is cut.
			flaw("file-upload", "header-one-read", "chopped-header", "header-length-limit"),
			// Serves connections one after another, in the accept loop.
			flaw("file-upload", "first-client-only", "two-in-turn", "name-escapes-dir", "name-with-separator", "name-special", "name-windows", "bad-checksum", "body-cut-short", "header-length-limit"),
			// Refuses size 0.
			flaw("file-upload", "rejects-empty", "upload-empty"),
			// Trusts one Read to return the whole body: a large one, or one
			// sent in two halves, is cut.
			flaw("file-upload", "body-one-read", "upload-large", "two-in-turn"),
			// The reply's checksum is a []byte field: base64, not hex. Every
			// stored upload gets a wrong reply.
			flaw("file-upload", "sha-as-base64", "upload-small", "upload-empty", "upload-large", "chopped-header",
				"two-in-turn", "name-escapes-dir", "name-with-separator", "name-special", "name-windows", "bad-checksum",
				"body-cut-short", "header-length-limit"),
			// log.Fatal on a refused upload: the next client finds no server.
			flaw("file-upload", "exits-on-error",
				"name-escapes-dir", "name-with-separator", "name-special", "name-windows", "bad-checksum", "body-cut-short", "header-length-limit"),
		},
		"upload-client": {
			{dir: starterDir("upload-client"), fail: []string{
				"upload-text", "upload-binary", "upload-empty", "upload-large", "server-refuses",
			}},
			flaw("upload-client", "no-length-prefix", "upload-text", "upload-binary", "upload-empty", "upload-large", "server-refuses"),
			flaw("upload-client", "always-exit-0", "server-refuses"),
			// Sends the file as lines: CR before LF is lost, a final newline
			// appears.
			flaw("upload-client", "line-by-line", "upload-binary", "upload-large"),
			// Trusts one f.Read to return the whole file.
			flaw("upload-client", "single-read", "upload-large"),
			// Sends the path given, not the file's name.
			flaw("upload-client", "full-path-name", "upload-text", "upload-binary", "upload-empty", "upload-large", "server-refuses"),
		},
		"remote-cmd": {
			{dir: starterDir("remote-cmd"), fail: []string{
				"shell-metacharacters", "not-allowed", "output-capped", "oversize-frame",
			}},
			flaw("remote-cmd", "shell", "shell-metacharacters"),
			flaw("remote-cmd", "no-allowlist", "not-allowed"),
			// Checks filepath.Base(argv[0]): "/bin/echo" passes as "echo".
			flaw("remote-cmd", "base-name-allowlist", "not-allowed"),
			flaw("remote-cmd", "no-output-cap", "output-capped"),
			flaw("remote-cmd", "no-timeout", "time-limit"),
			// Trusts one Read to return one whole frame, and so never waits
			// for the rest of a 1 GiB one: it answers what it got.
			flaw("remote-cmd", "one-read-frame", "chopped-1-byte", "coalesced-requests", "oversize-frame"),
			// Reports a non-zero exit status as {"error":…}.
			flaw("remote-cmd", "exit-status-as-error", "exit-status"),
			flaw("remote-cmd", "no-frame-limit", "oversize-frame"),
			// argv[0] without a length check: {"argv":[]} panics the server.
			flaw("remote-cmd", "panics-on-empty-argv", "malformed-request"),
			// The output is in []byte fields: base64, not text. Only a reply
			// with empty stdout passes.
			flaw("remote-cmd", "bytes-as-base64", "echo-hello", "shell-metacharacters", "not-allowed",
				"output-capped", "chopped-1-byte", "coalesced-requests", "malformed-request", "oversize-frame"),
			// Answers one request, then closes the connection.
			flaw("remote-cmd", "one-request-per-conn",
				"not-allowed", "output-capped", "coalesced-requests", "malformed-request"),
		},
	}
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
	cases := projectCases()
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
	cases := projectCases()
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

// TestProjectScenarios checks the exercises' order and ids, the scenarios'
// names and docs, that every scenario is failed by some broken program,
// that every starter fails, and that testdata holds exactly the programs
// in the table.
func TestProjectScenarios(t *testing.T) {
	var ids []string
	for _, ex := range projectExercises() {
		ids = append(ids, ex.ID)
	}
	if want := []string{"file-upload", "upload-client", "remote-cmd"}; !slices.Equal(ids, want) {
		t.Fatalf("projectExercises() = %q, want %q", ids, want)
	}
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	cases := projectCases()
	for _, ex := range projectExercises() {
		if ex.Chapter != "projects" || ex.Title == "" || len(ex.Scenarios) == 0 {
			t.Errorf("%s: chapter %q, title %q, %d scenarios", ex.ID, ex.Chapter, ex.Title, len(ex.Scenarios))
		}
		proved := make(map[string]bool)
		starterFails := false
		for _, c := range cases[ex.ID] {
			for _, name := range c.fail {
				if strings.HasPrefix(c.dir, filepath.Join("testdata", ex.ID)) {
					proved[name] = true
				} else {
					starterFails = true
				}
			}
		}
		if !starterFails {
			t.Errorf("%s: the starter must fail at least one scenario", ex.ID)
		}
		seen := make(map[string]bool)
		for _, sc := range ex.Scenarios {
			switch {
			case !kebab.MatchString(sc.Name):
				t.Errorf("%s: scenario name %q is not kebab-case", ex.ID, sc.Name)
			case seen[sc.Name]:
				t.Errorf("%s: two scenarios named %q", ex.ID, sc.Name)
			case sc.Run == nil:
				t.Errorf("%s/%s: no Run", ex.ID, sc.Name)
			case sc.Doc == "" || !strings.HasSuffix(sc.Doc, ".") || strings.Count(strings.TrimSuffix(sc.Doc, "."), ". ") > 0:
				t.Errorf("%s/%s: Doc %q is not one sentence", ex.ID, sc.Name, sc.Doc)
			case !proved[sc.Name]:
				t.Errorf("%s/%s: no broken program in testdata fails it", ex.ID, sc.Name)
			}
			seen[sc.Name] = true
		}
		entries, err := os.ReadDir(filepath.Join("testdata", ex.ID))
		if err != nil {
			t.Fatal(err)
		}
		var onDisk, inTable []string
		for _, e := range entries {
			onDisk = append(onDisk, flawDir(ex.ID, e.Name()))
		}
		for _, c := range cases[ex.ID] {
			if strings.HasPrefix(c.dir, "testdata") {
				inTable = append(inTable, c.dir)
			}
		}
		slices.Sort(inTable)
		if !slices.Equal(onDisk, inTable) {
			t.Errorf("%s: testdata holds %q, the table lists %q", ex.ID, onDisk, inTable)
		}
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
