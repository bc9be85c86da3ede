//go:build !unix

package runner

import (
	"os"
	"os/exec"
)

// setProcessGroup does nothing on systems without Unix process groups.
func setProcessGroup(*exec.Cmd) {}

// killGroup kills the command's process.
func killGroup(cmd *exec.Cmd) {
	if cmd != nil && cmd.Process != nil {
		cmd.Process.Kill()
	}
}

// maxRSS is unknown on this system.
func maxRSS(*os.ProcessState) int64 { return 0 }
