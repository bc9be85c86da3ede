//go:build unix && !linux

package runner

import "syscall"

// setParentDeathSignal does nothing where the kernel has no such signal;
// the runner still kills every group it started on its way out.
func setParentDeathSignal(*syscall.SysProcAttr) {}
