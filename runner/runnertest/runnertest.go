// Package runnertest lets a test binary run programs through the runner:
// the test binary itself becomes the child process, as the sockbook
// binary does, and its leftovers are checked for at the end.
package runnertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sockbook/runner/child"
)

// Main is a TestMain for packages whose tests run programs: in a child
// process it runs the child; otherwise it runs the tests and then fails
// if any child process is still alive.
func Main(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == child.Arg {
		os.Exit(child.Main())
	}
	code := m.Run()
	if left := Children(); len(left) > 0 {
		fmt.Fprintf(os.Stderr, "runnertest: child processes still running after the tests: %v\n", left)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// Command is the command that starts a child: this test binary.
func Command() []string { return []string{os.Args[0], child.Arg} }

// Children returns the process ids of the sockbook child processes that
// this binary started and that are still alive, including any that lost
// their parent (Linux only: elsewhere it finds none).
func Children() []int {
	me := os.Args[0] + "\x00" + child.Arg + "\x00"
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	var found []int
	for _, dir := range dirs {
		cmdline, err := os.ReadFile(filepath.Join(dir, "cmdline"))
		if err != nil || !strings.HasPrefix(string(cmdline), me) {
			continue
		}
		if pid, err := strconv.Atoi(filepath.Base(dir)); err == nil && pid != os.Getpid() {
			found = append(found, pid)
		}
	}
	return found
}
