//go:build !unix

package native

import "os/exec"

// setProcessGroup does nothing on systems without Unix process groups.
func setProcessGroup(*exec.Cmd) {}

// killGroup kills the command's process.
func killGroup(cmd *exec.Cmd) { cmd.Process.Kill() }
