//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"sockbook/runner/check"
	"sockbook/runner/listenwait"
	"sockbook/runner/runnertest"
	"sockbook/solutions"
)

// The end-to-end tests run every command the README shows through the
// built sockbook binary, in a temporary folder, as a newcomer would, and
// check its exit status and the output that proves it worked. The
// commands that want a terminal (present, watch, run -i, run --step) run
// in a pseudo-terminal. TestREADMECommandsAreTested fails when the README
// shows a command that has no test here.

// readmeCommand matches a command line in one of the README's shell
// blocks, without its comment.
// ("go test ./..." runs this test, so it is not listed.)
var readmeCommand = regexp.MustCompile(`^(sockbook|go run \.) [^#]*`)

// readmeCommands returns every command the README shows, as written.
func readmeCommands(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var cmds []string
	inShell := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```sh"):
			inShell = true
		case strings.HasPrefix(line, "```"):
			inShell = false
		case inShell:
			if m := readmeCommand.FindString(line); m != "" {
				cmds = append(cmds, strings.TrimSpace(m))
			}
		}
	}
	return cmds
}

// e2e is one end-to-end session: the sockbook binary, a folder to work
// in, and a home folder (for ~ in the README's commands).
type e2e struct {
	t    *testing.T
	bin  string
	dir  string
	home string
}

func newE2E(t *testing.T) *e2e {
	t.Helper()
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	return &e2e{t: t, bin: runnertest.Command()[0], dir: dir, home: home}
}

// env is the environment of every command: plain output, no pager, the
// session's home folder, and the machine's Go build cache (a fresh one
// would make the go engine build the standard library first).
func (e *e2e) env() []string {
	env := append(os.Environ(), "NO_COLOR=1", "PAGER=cat", "HOME="+e.home, "TERM=xterm")
	if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
		env = append(env, "GOCACHE="+strings.TrimSpace(string(out)))
	}
	return env
}

// run runs sockbook with args in the folder dir (relative to the session's
// folder) and returns its exit status, stdout and stderr.
func (e *e2e) run(dir string, args ...string) (int, string, string) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, e.bin, args...)
	cmd.Dir = filepath.Join(e.dir, dir)
	cmd.Env = e.env()
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if err != nil && code < 0 {
		e.t.Fatalf("sockbook %s: %v\n%s", strings.Join(args, " "), err, errs.String())
	}
	return code, out.String(), errs.String()
}

// want runs sockbook and fails the test unless it exits with code and
// its stdout holds every string of wants.
func (e *e2e) want(code int, dir string, args []string, wants ...string) string {
	e.t.Helper()
	got, out, errs := e.run(dir, args...)
	if got != code {
		e.t.Fatalf("sockbook %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), got, code, out, errs)
	}
	for _, w := range wants {
		if !strings.Contains(out, w) {
			e.t.Errorf("sockbook %s: stdout lacks %q:\n%s", strings.Join(args, " "), w, out)
		}
	}
	return out
}

// write writes a file in the session's folder.
func (e *e2e) write(name string, data []byte) {
	e.t.Helper()
	path := filepath.Join(e.dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// copyFile copies a file of the repository into the session's folder.
func (e *e2e) copyFile(from, to string) {
	e.t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		e.t.Fatal(err)
	}
	e.write(to, b)
}

// ptyProgram is sockbook running in a pseudo-terminal of 100×30.
type ptyProgram struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	out  runnertest.Buffer
	done chan struct{}
	code int
}

// inTerminal starts sockbook with args in a pseudo-terminal.
func (e *e2e) inTerminal(dir string, args ...string) *ptyProgram {
	e.t.Helper()
	cmd := exec.Command(e.bin, args...)
	cmd.Dir = filepath.Join(e.dir, dir)
	cmd.Env = append(e.env(), "COLUMNS=100", "LINES=30")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		e.t.Fatalf("start sockbook %s in a pseudo-terminal: %v", strings.Join(args, " "), err)
	}
	term := &ptyProgram{t: e.t, cmd: cmd, pty: f, done: make(chan struct{})}
	var copied sync.WaitGroup
	copied.Add(1)
	go func() {
		defer copied.Done()
		io.Copy(&term.out, f) // ends with EIO once the program has exited
	}()
	go func() {
		cmd.Wait()
		term.code = cmd.ProcessState.ExitCode()
		close(term.done)
	}()
	e.t.Cleanup(func() {
		select {
		case <-term.done:
		default:
			syscall.Kill(cmd.Process.Pid, syscall.SIGKILL)
			<-term.done
		}
		f.Close()
		copied.Wait()
	})
	return term
}

// waitFor waits until the screen has shown want, failing the test after
// a minute.
func (term *ptyProgram) waitFor(want string) {
	term.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(term.out.String(), want) {
		if time.Now().After(deadline) {
			term.t.Fatalf("the terminal never showed %q:\n%s", want, term.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// count returns how many times the screen has shown s.
func (term *ptyProgram) count(s string) int { return strings.Count(term.out.String(), s) }

// send types keys.
func (term *ptyProgram) send(keys string) {
	term.t.Helper()
	if _, err := term.pty.Write([]byte(keys)); err != nil {
		term.t.Fatalf("type %q: %v", keys, err)
	}
}

// exit waits for the program to end and returns its exit status.
func (term *ptyProgram) exit() int {
	term.t.Helper()
	select {
	case <-term.done:
		return term.code
	case <-time.After(time.Minute):
		term.t.Fatalf("sockbook did not exit:\n%s", term.out.String())
		return -1
	}
}

// e2eCase runs one README command, or a group of them that build on each
// other (a workspace).
type e2eCase struct {
	name     string
	commands []string // the README's command lines this case runs, as written there
	run      func(e *e2e)
}

func e2eCases() []e2eCase {
	return []e2eCase{
		{"run a lesson", []string{"go run . run basics/echo", "sockbook run basics/echo"}, func(e *e2e) {
			e.want(exitOK, "", []string{"run", "basics/echo"}, "client │ echo: bye", "server │ ● listen tcp 127.0.0.1:")
		}},
		{"list", []string{"sockbook list"}, func(e *e2e) {
			e.want(exitOK, "", []string{"list"}, "1. basics", "basics/echo", "8. projects", "hello-once")
		}},
		{"wire", []string{"sockbook run basics/echo --wire"}, func(e *e2e) {
			e.want(exitOK, "", []string{"run", "basics/echo", "--wire"}, "→ write #1", "← read #1")
		}},
		{"columns", []string{"sockbook run basics/echo --layout columns"}, func(e *e2e) {
			out := e.want(exitOK, "", []string{"run", "basics/echo", "--layout", "columns"}, "echo: bye")
			if !strings.Contains(out, "server") || !strings.Contains(out, "client") {
				e.t.Errorf("no column headers:\n%s", out)
			}
		}},
		{"json", []string{"sockbook run basics/echo --layout json"}, func(e *e2e) {
			out := e.want(exitOK, "", []string{"run", "basics/echo", "--layout", "json"})
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var ev map[string]any
				if err := json.Unmarshal([]byte(line), &ev); err != nil || ev["side"] == nil || ev["kind"] == nil {
					e.t.Errorf("not an event: %q (%v)", line, err)
				}
			}
		}},
		{"your server", []string{"sockbook run basics/echo --server my_server.go"}, func(e *e2e) {
			e.copyFile("lessons/basics/echo/server/main.go", "my_server.go")
			e.want(exitOK, "", []string{"run", "basics/echo", "--server", "my_server.go"}, "echo: bye", `server │ echoing "bye"`)
		}},
		{"any two programs", []string{"sockbook run --server a.go --client b.go"}, func(e *e2e) {
			e.copyFile("lessons/basics/hello/server/main.go", "a.go")
			e.copyFile("lessons/basics/hello/client/main.go", "b.go")
			e.want(exitOK, "", []string{"run", "--server", "a.go", "--client", "b.go"}, `server said "hello, gopher"`)
		}},
		{"typed input", []string{"sockbook run basics/echo -i"}, func(e *e2e) {
			term := e.inTerminal("", "run", "basics/echo", "-i")
			term.waitFor("dial #1")
			term.send("typed by hand\r")
			term.waitFor("echo: typed by hand")
			term.send("\x04") // Ctrl-D: end of input
			if code := term.exit(); code != exitOK {
				e.t.Errorf("exit %d:\n%s", code, term.out.String())
			}
		}},
		{"go engine", []string{"sockbook run basics/echo --engine go"}, func(e *e2e) {
			if _, err := exec.LookPath("go"); err != nil {
				e.t.Skip("no go command")
			}
			e.want(exitOK, "", []string{"run", "basics/echo", "--engine", "go"}, "echo: bye", "→ write #1", "server │ ● listen tcp 127.0.0.1:")
		}},
		{"read", []string{"sockbook read basics", "sockbook read sticky --width 72"}, func(e *e2e) {
			out := e.want(exitOK, "", []string{"read", "basics"}, "sockbook run basics/echo")
			if strings.ContainsRune(out, 0x1b) {
				e.t.Errorf("escape codes in piped output")
			}
			out = e.want(exitOK, "", []string{"read", "sticky", "--width", "72"}, "粘包")
			for _, line := range strings.Split(out, "\n") {
				// Code and transcripts are never wrapped; prose is.
				if n := len([]rune(line)); n > 72 && !strings.Contains(line, "│") && !strings.HasPrefix(line, "    ") {
					e.t.Errorf("a line of %d columns at --width 72: %q", n, line)
				}
			}
		}},
		{"read and run", []string{"sockbook read basics --run"}, func(e *e2e) {
			e.want(exitOK, "", []string{"read", "basics", "--run"}, "echo: bye", "■ exit status 0")
		}},
		{"export", []string{"sockbook export --html site/"}, func(e *e2e) {
			e.want(exitOK, "", []string{"export", "--html", "site/"}, "pages in 2 languages")
			checkSite(e.t, filepath.Join(e.dir, "site"))
		}},
		{"a workspace", []string{
			"sockbook init ~/sockets",
			"sockbook check line-frames",
			"sockbook check line-frames ../mine.go --json",
			"sockbook check --all",
			"sockbook hint line-frames",
			"sockbook solution line-frames",
			"sockbook reset line-frames",
			"sockbook list",
		}, func(e *e2e) {
			// The shell turns ~ into the home folder.
			ws := filepath.Join(e.home, "sockets")
			e.want(exitOK, "", []string{"init", ws}, "exercises/line-frames/main.go", "sockbook.json")
			e.want(exitOK, "home/sockets", []string{"list"}, "Passed 0 of 9 exercises", "· to do")
			out := e.want(exitFailed, "home/sockets", []string{"check", "line-frames"}, "Failed:", "First failure:")
			if !strings.Contains(out, "exercises/line-frames/main.go") {
				e.t.Errorf("check does not say which file it checked:\n%s", out)
			}
			ref, err := solutions.Reference("line-frames")
			if err != nil {
				e.t.Fatal(err)
			}
			e.write("home/mine.go", ref)
			var rep struct {
				Exercise string
				Pass     bool
			}
			out = e.want(exitOK, "home/sockets", []string{"check", "line-frames", "../mine.go", "--json"})
			if err := json.Unmarshal([]byte(out), &rep); err != nil || !rep.Pass || rep.Exercise != "line-frames" {
				e.t.Errorf("check --json: %+v, %v:\n%s", rep, err, out)
			}
			// Starters all fail, and a typo in a flag is misuse.
			e.want(exitFailed, "home/sockets", []string{"check", "--all"}, "✘ line-frames", "✘ remote-cmd")
			e.want(exitUsage, "home/sockets", []string{"check", "--all", "--engine", "typo"})
			e.want(exitOK, "home/sockets", []string{"hint", "line-frames"}, "Hint 1 of")
			out = e.want(exitOK, "home/sockets", []string{"hint", "line-frames"}, "Hint 2 of")
			if !strings.Contains(out, "Hint 1 of") {
				e.t.Errorf("the second hint comes without the first:\n%s", out)
			}
			e.want(exitFailed, "home/sockets", []string{"solution", "line-frames"})
			// Pass with the reference in the workspace, then the solution shows.
			e.write("home/sockets/exercises/line-frames/main.go", ref)
			e.want(exitOK, "home/sockets", []string{"check", "line-frames"}, "Passed: all")
			e.want(exitOK, "home/sockets", []string{"solution", "line-frames"}, "func main()")
			e.want(exitOK, "home/sockets", []string{"list"}, "Passed 1 of 9 exercises", "✔ passed")
			// reset asks first; without a terminal to ask on, --yes is needed.
			e.want(exitUsage, "home/sockets", []string{"reset", "line-frames"})
			e.want(exitOK, "home/sockets", []string{"reset", "line-frames", "--yes"}, "is the starter again")
			starter, err := solutions.Starter("line-frames")
			if err != nil {
				e.t.Fatal(err)
			}
			if got, err := os.ReadFile(filepath.Join(ws, "exercises", "line-frames", "main.go")); err != nil || !bytes.Equal(got, starter) {
				e.t.Errorf("reset did not put the starter back (%v)", err)
			}
		}},
		{"grade a class", []string{
			"sockbook grade class/",
			"sockbook grade class/ --csv grades.csv --junit grades.xml",
			"sockbook grade class/ --json",
		}, func(e *e2e) {
			// The class the README's table shows: ada solved three
			// exercises and has a flawed fourth, bo's first program does
			// not compile; the rest are starters.
			e.want(exitOK, "", []string{"init", "class/ada"})
			e.want(exitOK, "", []string{"init", "class/bo"})
			for _, id := range []string{"hello-once", "echo-upper", "line-frames"} {
				e.copyFile("solutions/"+id+"/main.go", "class/ada/exercises/"+id+"/main.go")
			}
			e.copyFile("runner/check/testdata/udp-time/small-buffer/main.go", "class/ada/exercises/udp-time/main.go")
			e.write("class/bo/exercises/hello-once/main.go", []byte("package main\n\nfunc main() { undefined }\n"))

			out := e.want(exitOK, "", []string{"grade", "class/"}, "bo, hello-once: does not compile: class/bo/exercises/hello-once/main.go:3:15")
			for _, line := range readmeBlockAfter(e.t, "sockbook grade class/ --json") {
				if !strings.Contains(out, line) {
					e.t.Errorf("grade does not print the README's line %q:\n%s", line, out)
				}
			}
			e.want(exitOK, "", []string{"grade", "class/", "--csv", "grades.csv", "--junit", "grades.xml"})
			f, err := os.Open(filepath.Join(e.dir, "grades.csv"))
			if err != nil {
				e.t.Fatal(err)
			}
			// small-buffer fails one scenario of udp-time: custom-layouts.
			n := len(mustFind(e.t, "udp-time").Scenarios)
			udpTimeRow := fmt.Sprintf("ada,udp-time,fail,%d,%d,custom-layouts", n-1, n)
			rows, err := csv.NewReader(f).ReadAll()
			f.Close()
			if err != nil || len(rows) != 19 || strings.Join(rows[3][:6], ",") != udpTimeRow || !strings.HasPrefix(rows[3][6], "custom-layouts: expected ") {
				e.t.Errorf("grades.csv: %v, want a header and 18 rows, ada's udp-time failing custom-layouts: %q", err, rows)
			}
			r := readJUnit(e.t, filepath.Join(e.dir, "grades.xml"))
			if r.Tests != 18 || r.Failures != 2 || r.Skipped != 13 {
				e.t.Errorf("grades.xml: %d tests, %d failures, %d skipped; want 18, 2 (ada's udp-time, bo's hello-once), 13", r.Tests, r.Failures, r.Skipped)
			}
			out = e.want(exitOK, "", []string{"grade", "class/", "--json"})
			var sum struct {
				Learners []struct {
					Learner string
					Passed  int
				}
			}
			if err := json.Unmarshal([]byte(out), &sum); err != nil || len(sum.Learners) != 2 || sum.Learners[0].Passed != 3 {
				e.t.Errorf("grade --json: %+v, %v\n%s", sum, err, out)
			}
		}},
		{"a learner's repository on GitHub", []string{
			"sockbook init ~/sockets --ci github",
			"sockbook check --all --junit report.xml",
		}, func(e *e2e) {
			ws := filepath.Join(e.home, "sockets")
			e.want(exitOK, "", []string{"init", ws, "--ci", "github"}, "go.mod", filepath.Join(".github", "workflows", "sockbook.yml"), "SOCKBOOK_MODULE")
			// The workflow's sockbook command, run as the workflow runs it,
			// in the workspace once every exercise is solved.
			args := workflowCommand(e.t, filepath.Join(ws, ".github", "workflows", "sockbook.yml"))
			for _, ex := range check.All() {
				e.copyFile("solutions/"+ex.ID+"/main.go", "home/sockets/exercises/"+ex.ID+"/main.go")
			}
			e.want(exitOK, "home/sockets", args, "✔ hello-once", "✔ remote-cmd")
			r := readJUnit(e.t, filepath.Join(ws, "report.xml"))
			if r.Tests != len(check.All()) || r.Failures != 0 || r.Skipped != 0 {
				e.t.Errorf("report.xml: %d tests, %d failures, %d skipped; want %d passing", r.Tests, r.Failures, r.Skipped, len(check.All()))
			}
		}},
		{"watch", []string{"sockbook watch"}, func(e *e2e) {
			ws := filepath.Join(e.home, "sockets")
			e.want(exitOK, "", []string{"init", ws})
			term := e.inTerminal("home/sockets", "watch")
			term.waitFor("[watching exercises/hello-once]")
			term.waitFor("Failed:")
			ref, err := solutions.Reference("hello-once")
			if err != nil {
				e.t.Fatal(err)
			}
			// A save triggers a check of its own.
			e.write("home/sockets/exercises/hello-once/main.go", ref)
			term.waitFor("Passed: all")
			if n := term.count("── hello-once ──"); n < 2 {
				e.t.Errorf("the save was checked %d times in all, want a second check", n)
			}
			term.send("q")
			if code := term.exit(); code != exitOK {
				e.t.Errorf("watch exit %d on q, want 0:\n%s", code, term.out.String())
			}
		}},
		{"present", []string{"sockbook present sticky"}, func(e *e2e) {
			term := e.inTerminal("", "present", "sticky")
			term.waitFor("Sticky packets")
			term.send("n") // the next section holds a lesson
			term.waitFor("Two writes, one read")
			term.send("r")
			term.waitFor("done: transcript under the code")
			term.send("q")
			if code := term.exit(); code != exitOK {
				e.t.Errorf("present exit %d on q, want 0:\n%s", code, term.out.String())
			}
		}},
		{"step", []string{"sockbook run sticky/two-writes --step"}, func(e *e2e) {
			term := e.inTerminal("", "run", "sticky/two-writes", "--step")
			term.waitFor("Enter or space for the next event")
			term.send("\r")
			term.send(" ")
			term.send("c")
			term.waitFor("■ exit status 0")
			if code := term.exit(); code != exitOK {
				e.t.Errorf("exit %d:\n%s", code, term.out.String())
			}
		}},
		{"a class across machines", []string{
			"sockbook run basics/echo --only server --listen 0.0.0.0:9000",
			"sockbook run basics/echo --only client --connect 10.1.2.3:9000",
			"sockbook check echo-upper --connect 10.1.2.3:9000",
		}, func(e *e2e) {
			// Loopback stands in for the class's network.
			addr, err := listenwait.FreePort("tcp")
			if err != nil {
				e.t.Fatal(err)
			}
			server := runnertest.Start(e.t, e.command("run", "basics/echo", "--only", "server", "--listen", addr))
			server.WaitListening(e.t, "tcp", addr, time.Minute)
			e.want(exitOK, "", []string{"run", "basics/echo", "--only", "client", "--connect", addr}, "echo: bye")
			if !server.WaitFor(`echoing "bye"`, time.Minute) {
				e.t.Errorf("the server's transcript lacks the client:\n%s", server.Output())
			}
			stopWithCtrlC(e.t, server)

			e.copyFile("solutions/echo-upper/main.go", "upper.go")
			addr, err = listenwait.FreePort("tcp")
			if err != nil {
				e.t.Fatal(err)
			}
			upper := runnertest.Start(e.t, e.command("run", "--server", "upper.go", "--only", "server", "--listen", addr))
			upper.WaitListening(e.t, "tcp", addr, time.Minute)
			e.want(exitOK, "", []string{"check", "echo-upper", "--connect", addr}, "Checking the server at "+addr, "Passed:")
			stopWithCtrlC(e.t, upper)
		}},
	}
}

// readmeBlockAfter returns the lines of the README's first plain code
// block after the line holding marker: output the README shows.
func readmeBlockAfter(t *testing.T, marker string) []string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), marker)
	if !ok {
		t.Fatalf("the README lacks %q", marker)
	}
	// The marker is inside a block: skip to its end, then to the next
	// block, which must be a plain one.
	_, rest, ok = strings.Cut(rest, "\n```\n")
	if ok {
		_, rest, ok = strings.Cut(rest, "\n```\n")
	}
	block, _, closed := strings.Cut(rest, "\n```")
	if !ok || !closed || strings.TrimSpace(block) == "" {
		t.Fatalf("no plain code block after %q in the README", marker)
	}
	var lines []string
	for _, line := range strings.Split(block, "\n") {
		if strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// workflowCommand returns the arguments of the sockbook command that the
// GitHub workflow at path runs.
func workflowCommand(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct{ Steps []struct{ Run string } }
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var found [][]string
	for _, job := range wf.Jobs {
		for _, st := range job.Steps {
			if f := strings.Fields(st.Run); len(f) > 0 && f[0] == "sockbook" {
				found = append(found, f[1:])
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s runs %d sockbook commands, want one: %q", path, len(found), found)
	}
	return found[0]
}

// command is sockbook with args, run in the session's folder.
func (e *e2e) command(args ...string) *exec.Cmd {
	cmd := exec.Command(e.bin, args...)
	cmd.Dir = e.dir
	cmd.Env = e.env()
	return cmd
}

// stopWithCtrlC interrupts a server run alone for a class, which is its
// normal end: exit 0. A server that has ended by itself must have ended
// with 0 too.
func stopWithCtrlC(t *testing.T, p *runnertest.Proc) {
	t.Helper()
	select {
	case <-p.Exited():
	default:
		// ESRCH: it ended on its own (a one-client server) and was
		// reaped between the look and the signal.
		if err := syscall.Kill(p.PID(), syscall.SIGINT); err != nil && !errors.Is(err, syscall.ESRCH) {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if code, err := p.Wait(ctx); err != nil || code != exitOK {
		t.Errorf("the server ended with %d (%v) on Ctrl-C, want 0:\n%s", code, err, p.Output())
	}
}

// checkSite parses every page of an exported site and checks that every
// link and stylesheet it names exists, and that each chapter is there.
func checkSite(t *testing.T, dir string) {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(pages) < 9 {
		t.Fatalf("the site has %d pages (%v), want an index and 8 chapters", len(pages), err)
	}
	zh, err := filepath.Glob(filepath.Join(dir, "zh", "*.html"))
	if err != nil || len(zh) != len(pages) {
		t.Fatalf("the site's Chinese edition has %d pages (%v), want %d as in English", len(zh), err, len(pages))
	}
	pages = append(pages, zh...)
	for _, page := range pages {
		f, err := os.Open(page)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				target, _, _ := strings.Cut(a.Val, "#")
				if target == "" || strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				if _, err := os.Stat(filepath.Join(filepath.Dir(page), target)); err != nil {
					t.Errorf("%s links to %s, which is not there", filepath.Base(page), a.Val)
				}
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "sticky.html"))
	if err != nil || !bytes.Contains(b, []byte("two-writes")) {
		t.Errorf("sticky.html lacks its lessons (%v)", err)
	}
}

// TestREADMECommandsAreTested: every command the README shows has an
// end-to-end test below, and every command a test claims is still in the
// README.
func TestREADMECommandsAreTested(t *testing.T) {
	tested := map[string]bool{}
	for _, c := range e2eCases() {
		for _, cmd := range c.commands {
			tested[cmd] = true
		}
	}
	shown := map[string]bool{}
	for _, cmd := range readmeCommands(t) {
		shown[cmd] = true
		if !tested[cmd] {
			t.Errorf("the README shows %q, which no end-to-end test runs", cmd)
		}
	}
	for cmd := range tested {
		if !shown[cmd] {
			t.Errorf("an end-to-end test claims %q, which the README no longer shows", cmd)
		}
	}
	if len(shown) < 20 {
		t.Errorf("found only %d commands in the README; is its format what readmeCommands expects?", len(shown))
	}
}

// TestEndToEnd runs every README command through the built binary.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the sockbook binary for every README command")
	}
	for _, c := range e2eCases() {
		t.Run(c.name, func(t *testing.T) {
			e := newE2E(t)
			c.run(e)
			if left := runnertest.Children(); len(left) > 0 {
				t.Errorf("child processes still running: %v", left)
			}
		})
	}
}

// TestREADMENamesEveryPackage: the README's "How it is built" table names
// every package of the module but the programs (lessons, solutions).
func TestREADMENamesEveryPackage(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "## How it is built")
	if !ok {
		t.Fatal("the README has no \"How it is built\" section")
	}
	out, err := exec.Command("go", "list", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		dir := strings.TrimPrefix(strings.TrimPrefix(pkg, "sockbook"), "/")
		if dir == "" || strings.HasPrefix(dir, "lessons/") || strings.HasPrefix(dir, "solutions/") || strings.Contains(dir, "testdata") {
			continue
		}
		if !strings.Contains(table, "`"+dir+"`") && !strings.Contains(table, "`"+dir+"/`") {
			t.Errorf("the README's table does not name %s", dir)
		}
	}
}
