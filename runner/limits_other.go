//go:build !linux

package runner

// applyLimits sets nothing here: Windows sets its limits on the Job
// Object (newTree), other systems have no way to set another process's.
func applyLimits(int, Limits) error { return nil }

// measure cannot measure here.
func measure(int) (usage, bool) { return usage{}, false }

// running cannot tell here: a quiet program counts as blocked.
func running(int) bool { return false }

// limitsMeasured reports whether measure works on this system.
const limitsMeasured = false
