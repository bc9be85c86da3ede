//go:build !unix && !windows

package child

import "errors"

// handOver cannot replace a process here: the auto engine's fallback
// needs Unix's exec (use --engine go instead).
func handOver(string, []string, []string) error {
	return errors.New("this system cannot hand a child over to a compiled program; use --engine go")
}
