package runner

import "syscall"

// setParentDeathSignal has the kernel kill the child if sockbook itself
// dies, so that not even a crash of the runner leaves a program running.
func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
