package event

import (
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestNowIsTheSystemsMonotonicClock: Now reads the clock every process
// shares (CLOCK_MONOTONIC), not one of this process's own.
func TestNowIsTheSystemsMonotonicClock(t *testing.T) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		t.Fatal(err)
	}
	if d := Now() - time.Duration(ts.Nano()); d < 0 || d > time.Second {
		t.Errorf("Now is %v from CLOCK_MONOTONIC", d)
	}
}
