//go:build unix

package event

import (
	"time"

	"golang.org/x/sys/unix"
)

// Now returns the time on the system-wide monotonic clock. Every process on
// the machine reads the same clock, so a server's event stamped in its own
// process and a client's stamped in another can be put in order.
func Now() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ts.Nano())
}
