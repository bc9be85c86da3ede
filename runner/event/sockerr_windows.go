//go:build windows

package event

import (
	"errors"
	"syscall"
)

// Winsock's numbers that package syscall does not name.
const (
	wsaeaddrinuse   syscall.Errno = 10048
	wsaeconnrefused syscall.Errno = 10061
)

func isWindowsReset(err error) bool {
	return errors.Is(err, syscall.WSAECONNRESET) || errors.Is(err, syscall.WSAECONNABORTED)
}

func isWindowsRefused(err error) bool { return errors.Is(err, wsaeconnrefused) }

func isWindowsAddrInUse(err error) bool { return errors.Is(err, wsaeaddrinuse) }
