//go:build !unix

package relay

import "time"

// cpuTime would return the CPU time the process has used; here it cannot
// tell, and benchmarks report time only.
func cpuTime() time.Duration { return 0 }
