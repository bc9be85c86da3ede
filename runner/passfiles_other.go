//go:build !windows

package runner

import (
	"os"
	"os/exec"
)

// passFiles gives the child the events and config pipes as descriptors
// childproto.EventsFD and childproto.ConfigFD (ExtraFiles starts at 3).
func passFiles(cmd *exec.Cmd, events, config *os.File) error {
	cmd.ExtraFiles = []*os.File{events, config}
	return nil
}
