//go:build windows

package child

import (
	"errors"
	"os"
	"os/exec"
	"syscall"

	"sockbook/runner/childproto"
)

// handOver runs the program bin in this process's place. Windows cannot
// replace a process, so bin runs as this one's child, in the same Job
// Object (which holds the limits and ends both together), with the same
// standard handles and the event and config pipes (inherited, so already
// inheritable, and named in the environment as they were to this
// process); this process then exits with bin's status. It returns only
// when bin could not be started.
func handOver(bin string, args, env []string) error {
	events, config, err := childproto.FileHandles()
	if err != nil {
		return err
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{AdditionalInheritedHandles: []syscall.Handle{syscall.Handle(events), syscall.Handle(config)}}
	if err := cmd.Start(); err != nil {
		return err
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	switch {
	case err == nil:
		os.Exit(0)
	case errors.As(err, &exit):
		os.Exit(exit.ExitCode())
	}
	os.Exit(childproto.CodeSetup)
	return nil
}
