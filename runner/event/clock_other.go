//go:build !unix

package event

import "time"

// Now returns the wall-clock time, which every process on the machine shares.
// On Unix the monotonic clock is used instead (see clock_unix.go).
func Now() time.Duration { return time.Duration(time.Now().UnixNano()) }
