//go:build windows

package runner

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/windows"

	"sockbook/runner/childproto"
)

// passFiles gives the child the events and config pipes. Windows passes
// no descriptor numbers (exec.Cmd.ExtraFiles is not supported there): the
// handles are made inheritable, listed for the child alone (Go starts
// every process with an explicit handle list, so no other child inherits
// them), and named to it in childproto.FilesEnv.
func passFiles(cmd *exec.Cmd, events, config *os.File) error {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	var hs [2]uintptr
	for i, f := range []*os.File{events, config} {
		h := windows.Handle(f.Fd())
		if err := windows.SetHandleInformation(h, windows.HANDLE_FLAG_INHERIT, windows.HANDLE_FLAG_INHERIT); err != nil {
			return fmt.Errorf("let the child inherit %s: %w", f.Name(), err)
		}
		cmd.SysProcAttr.AdditionalInheritedHandles = append(cmd.SysProcAttr.AdditionalInheritedHandles, syscall.Handle(h))
		hs[i] = uintptr(h)
	}
	cmd.Env = append(cmd.Env, fmt.Sprintf("%s=%d,%d", childproto.FilesEnv, hs[0], hs[1]))
	return nil
}
