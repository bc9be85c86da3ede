//go:build !windows

package event_test

// windowsCases: Winsock's numbers exist only on Windows.
func windowsCases() []errCase { return nil }
