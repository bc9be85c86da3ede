package event

import (
	"errors"
	"syscall"
)

// The socket errors that programs, the checkers and the relay tell apart,
// named the same way on every system. Windows reports its own numbers
// (WSAECONNRESET is 10054), which syscall.ECONNRESET and its kind do not
// match there, so errors.Is(err, syscall.ECONNRESET) alone is Unix-only.

// IsReset reports whether err is a connection reset (an RST): ECONNRESET,
// or on Windows WSAECONNRESET or WSAECONNABORTED.
func IsReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || isWindowsReset(err)
}

// IsBrokenPipe reports whether err is a write to a connection the peer
// has closed (EPIPE; Windows reports a reset instead).
func IsBrokenPipe(err error) bool { return errors.Is(err, syscall.EPIPE) }

// IsRefused reports whether err is a refused connection: ECONNREFUSED, or
// on Windows WSAECONNREFUSED.
func IsRefused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || isWindowsRefused(err)
}

// IsAddrInUse reports whether err is an address already in use:
// EADDRINUSE, or on Windows WSAEADDRINUSE.
func IsAddrInUse(err error) bool {
	return errors.Is(err, syscall.EADDRINUSE) || isWindowsAddrInUse(err)
}
