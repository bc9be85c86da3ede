//go:build windows

package event_test

import "syscall"

// windowsCases are Winsock's own numbers, which syscall.ECONNRESET and
// its kind do not match.
func windowsCases() []errCase {
	return []errCase{
		{opErr(syscall.WSAECONNRESET), true, false, false, false},
		{opErr(syscall.WSAECONNABORTED), true, false, false, false},
		{opErr(syscall.Errno(10061)), false, false, true, false},
		{opErr(syscall.Errno(10048)), false, false, false, true},
	}
}
