//go:build unix

package runner

import (
	"os"
	"os/exec"
	"runtime"
	"syscall"
)

// tree is a started program and everything it starts: on Unix, a process
// group of its own, so that all of it can be killed at once.
type tree struct{ pid int }

// prepareTree makes cmd start in a process group of its own.
func prepareTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	setParentDeathSignal(cmd.SysProcAttr)
}

// newTree takes hold of a started program's process group.
// The kernel's limits are set by applyLimits, so l is not needed here.
func newTree(cmd *exec.Cmd, _ Limits) (*tree, error) { return &tree{pid: cmd.Process.Pid}, nil }

// kill kills the whole process group.
func (t *tree) kill() { syscall.Kill(-t.pid, syscall.SIGKILL) }

// release lets go of the tree once its program has been waited for.
func (t *tree) release() {}

// maxRSS returns the peak resident memory of an ended process, in bytes.
func maxRSS(st *os.ProcessState) int64 {
	if st == nil {
		return 0
	}
	ru, ok := st.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) * 1024 // kilobytes on Linux and the BSDs
}
