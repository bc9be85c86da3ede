// Package runnertest lets a test run programs through the runner the way
// sockbook does: each program in a child process of its own, started from
// a sockbook binary, with a check at the end that none is left running.
package runnertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"sockbook/runner/childproto"
)

// Main is a TestMain for packages whose tests run programs: it runs the
// tests and then fails if any child process is still alive.
func Main(m *testing.M) {
	code := m.Run()
	if left := Children(); len(left) > 0 {
		fmt.Fprintf(os.Stderr, "runnertest: child processes still running after the tests: %v\n", left)
		if code == 0 {
			code = 1
		}
	}
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// built is the sockbook binary this test process built for its children.
var built struct {
	once sync.Once
	dir  string
	path string
}

// Command is the command that starts a child. It is a sockbook binary
// built once for the test run, without the race detector even when the
// tests have it: the detector would watch the interpreter's own work and
// slow every child several times over, for nothing the tests look at.
// The test binary itself holds no interpreter (only the sockbook binary
// links yaegi), so if the build fails the reason is printed and every
// run that uses the command fails to start its child.
func Command() []string {
	built.once.Do(func() {
		mod, err := exec.Command("go", "env", "GOMOD").Output()
		root := filepath.Dir(strings.TrimSpace(string(mod)))
		if err != nil || root == "." || root == "" {
			return
		}
		dir, err := os.MkdirTemp("", "sockbook-children-")
		if err != nil {
			return
		}
		path := filepath.Join(dir, "sockbook")
		cmd := exec.Command("go", "build", "-o", path, ".")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "runnertest: cannot build sockbook for the children: %v\n%s", err, out)
			os.RemoveAll(dir)
			return
		}
		built.dir, built.path = dir, path
	})
	if built.path == "" {
		return []string{filepath.Join(os.TempDir(), "sockbook-was-not-built"), childproto.Arg}
	}
	return []string{built.path, childproto.Arg}
}

// Children returns the process ids of the sockbook child processes that
// this test process started and that are still alive, including any that
// lost their parent (Linux only: elsewhere it finds none).
func Children() []int {
	var prefixes []string
	if built.path != "" {
		prefixes = append(prefixes, built.path+"\x00"+childproto.Arg+"\x00")
	}
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	var found []int
	for _, dir := range dirs {
		cmdline, err := os.ReadFile(filepath.Join(dir, "cmdline"))
		if err != nil {
			continue
		}
		for _, p := range prefixes {
			if strings.HasPrefix(string(cmdline), p) {
				if pid, err := strconv.Atoi(filepath.Base(dir)); err == nil && pid != os.Getpid() {
					found = append(found, pid)
				}
				break
			}
		}
	}
	return found
}
