//go:build !unix && !windows

package netwire

// canReadNow reports whether a pipe can be read without waiting here:
// not on this system, where a SyncedStream reads in the background.
const canReadNow = false

// readNow is never called where canReadNow is false.
func readNow(uintptr, []byte) int { return 0 }
