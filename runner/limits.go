package runner

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Limits bound what one program may consume: the program and every
// process it starts. A breach stops the program with a Failure whose
// Reason is Limit and whose message names the limit.
//
// Where each is enforced: on Linux all of them, measured every
// LimitPoll and backed by the kernel's own limits (RLIMIT_AS at Memory
// plus the Go runtime's reservations, RLIMIT_NOFILE, RLIMIT_FSIZE); on
// Windows, Memory and Processes, by the program's Job Object; elsewhere
// none (the timeout and the output cap still apply).
type Limits struct {
	// Memory is the resident memory of the program and its children.
	Memory int64
	// OpenFiles is the number of open files and sockets of one process.
	OpenFiles int
	// Processes is the number of processes: the program and its children.
	Processes int
	// Threads is the number of threads in all those processes.
	Threads int
	// FileBytes is the number of bytes written to files.
	FileBytes int64
}

// DefaultLimits are the limits of a program run with none given.
func DefaultLimits() Limits {
	return Limits{Memory: 1 << 30, OpenFiles: 1024, Processes: 64, Threads: 512, FileBytes: 256 << 20}
}

// withDefaults fills in the limits left at zero.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.Memory <= 0 {
		l.Memory = d.Memory
	}
	if l.OpenFiles <= 0 {
		l.OpenFiles = d.OpenFiles
	}
	if l.Processes <= 0 {
		l.Processes = d.Processes
	}
	if l.Threads <= 0 {
		l.Threads = d.Threads
	}
	if l.FileBytes <= 0 {
		l.FileBytes = d.FileBytes
	}
	return l
}

// LimitPoll is how often a program's use is measured against its limits.
const LimitPoll = 50 * time.Millisecond

// usage is what a program and its children use at one moment.
type usage struct {
	memory    int64 // resident bytes
	openFiles int   // the most of any one process
	processes int
	threads   int
	fileBytes int64 // written to files (storage), in all
}

// breach returns the message for the first limit u is over, or "".
func (l Limits) breach(u usage) string {
	switch {
	case u.memory > l.Memory:
		return fmt.Sprintf("used more than %s of memory: stopped (--max-memory sets the limit)", FormatSize(l.Memory))
	case u.openFiles > l.OpenFiles:
		return fmt.Sprintf("had more than %d files and sockets open at once: stopped (do you close every connection?)", l.OpenFiles)
	case u.processes > l.Processes:
		return fmt.Sprintf("started more than %d processes: stopped", l.Processes-1)
	case u.threads > l.Threads:
		return fmt.Sprintf("ran more than %d threads: stopped", l.Threads)
	case u.fileBytes > l.FileBytes:
		return fmt.Sprintf("wrote more than %s to files: stopped", FormatSize(l.FileBytes))
	}
	return ""
}

// stoppedBy returns the breach a program's crash or panic message shows,
// or "": the kernel's hard limits may stop a program before a
// measurement does, and the program then fails with the kernel's error.
func (l Limits) stoppedBy(msg string) string {
	switch {
	case strings.Contains(msg, "out of memory"), strings.Contains(msg, "cannot allocate memory"):
		return l.breach(usage{memory: l.Memory + 1})
	case strings.Contains(msg, "file too large"):
		return l.breach(usage{fileBytes: l.FileBytes + 1})
	case strings.Contains(msg, "too many open files"):
		return l.breach(usage{openFiles: l.OpenFiles + 1})
	}
	return ""
}

// ParseSize reads a size such as "512MiB", "1GiB", "1G" or "2048" (bytes).
// K, M and G are powers of 1024 with or without the "iB".
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: want a positive number with K, M or G, such as 512M or 2GiB", s)
	}
	return int64(n * float64(mult)), nil
}

// FormatSize writes a size the way ParseSize reads it, as short as exact.
func FormatSize(n int64) string {
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.mult && n%u.mult == 0 {
			return fmt.Sprintf("%d %s", n/u.mult, u.suffix)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
