package event

import (
	"time"
	_ "unsafe" // for go:linkname
)

// nanotime is the Go runtime's monotonic clock: CLOCK_MONOTONIC on Linux,
// the same for every process on the machine, and the same in an
// interpreted program's child process and in a compiled program.
//
//go:linkname nanotime runtime.nanotime
func nanotime() int64

// Now returns the time on the system-wide monotonic clock. Every process on
// the machine reads the same clock, so a server's event stamped in its own
// process and a client's stamped in another can be put in order. It needs
// nothing but the standard library, so that a compiled program can carry
// it (see runner/netwire).
func Now() time.Duration { return time.Duration(nanotime()) }
