//go:build !windows

package event

// Only Windows has socket errors of its own numbers.
func isWindowsReset(error) bool     { return false }
func isWindowsRefused(error) bool   { return false }
func isWindowsAddrInUse(error) bool { return false }
