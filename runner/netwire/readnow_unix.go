//go:build unix

package netwire

import "syscall"

// canReadNow reports whether a pipe can be read without waiting here.
const canReadNow = true

// readNow reads what the non-blocking descriptor fd holds now into b, and
// returns how much (0 when it holds nothing).
func readNow(fd uintptr, b []byte) int {
	n, err := syscall.Read(int(fd), b)
	if err != nil {
		return 0
	}
	return n
}
