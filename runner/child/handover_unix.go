//go:build unix

package child

import "syscall"

// handOver replaces this process with the program bin: the same process,
// process group, limits and descriptors (the event and config pipes
// among them), so the runner sees no difference. It returns only on
// failure.
func handOver(bin string, args, env []string) error {
	return syscall.Exec(bin, append([]string{bin}, args...), env)
}
