//go:build !unix && !windows

package runner

import (
	"os"
	"os/exec"
)

// tree is a started program; on this system only the process itself can
// be killed.
type tree struct{ proc *os.Process }

func prepareTree(*exec.Cmd) {}

func newTree(cmd *exec.Cmd, _ Limits) (*tree, error) { return &tree{proc: cmd.Process}, nil }

func (t *tree) kill() { t.proc.Kill() }

func (t *tree) release() {}

// maxRSS is unknown on this system.
func maxRSS(*os.ProcessState) int64 { return 0 }
