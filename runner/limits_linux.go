//go:build linux

package runner

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// goReservation is what the Go runtime reserves of address space without
// using it (about 1.6 GiB for a program that does nothing); the kernel's
// address-space limit must leave room for it above the memory limit.
const goReservation = 3 << 30

// applyLimits sets the kernel's limits on a started process, which its
// children inherit: a hard stop for what measuring might catch late.
func applyLimits(pid int, l Limits) error {
	for _, r := range []struct {
		resource int
		value    uint64
	}{
		{unix.RLIMIT_AS, uint64(l.Memory + goReservation)},
		// These two sit above the limit, so that measuring names the
		// breach first (a program that retries an open the kernel
		// refused would otherwise never go over it); the kernel stops a
		// program too fast for the measurement.
		{unix.RLIMIT_NOFILE, uint64(l.OpenFiles + max(l.OpenFiles/4, 16))},
		{unix.RLIMIT_FSIZE, uint64(l.FileBytes + max(l.FileBytes/4, 64<<20))},
	} {
		var old unix.Rlimit
		if err := unix.Prlimit(pid, r.resource, nil, &old); err != nil {
			return err
		}
		// Never above the hard limit sockbook itself runs under: only a
		// privileged process may raise that.
		value := min(r.value, old.Max)
		lim := unix.Rlimit{Cur: value, Max: value}
		if err := unix.Prlimit(pid, r.resource, &lim, nil); err != nil {
			return err
		}
	}
	return nil
}

// measure returns what the process pid and its descendants use now.
// ok is false once the process is gone.
func measure(pid int) (u usage, ok bool) {
	page := int64(os.Getpagesize())
	seen := map[int]bool{}
	todo := []int{pid}
	for len(todo) > 0 {
		p := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		dir := "/proc/" + strconv.Itoa(p)
		statm, err := os.ReadFile(dir + "/statm")
		if err != nil {
			continue // gone
		}
		u.processes++
		if f := strings.Fields(string(statm)); len(f) > 1 {
			rss, _ := strconv.ParseInt(f[1], 10, 64)
			u.memory += rss * page
		}
		if fds, err := os.ReadDir(dir + "/fd"); err == nil {
			u.openFiles = max(u.openFiles, len(fds))
		}
		u.fileBytes += ioField(dir+"/io", "write_bytes: ")
		tasks, _ := os.ReadDir(dir + "/task")
		u.threads += len(tasks)
		for _, t := range tasks {
			children, err := os.ReadFile(dir + "/task/" + t.Name() + "/children")
			if err != nil {
				continue
			}
			for _, c := range strings.Fields(string(children)) {
				if n, err := strconv.Atoi(c); err == nil {
					todo = append(todo, n)
				}
			}
		}
	}
	return u, seen[pid] && u.processes > 0
}

// ioField reads one counter of /proc/<pid>/io.
func ioField(path, name string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n
		}
	}
	return 0
}

// running reports whether a thread of process pid is running or waiting
// to run (state R), as opposed to blocked.
func running(pid int) bool {
	dir := "/proc/" + strconv.Itoa(pid) + "/task"
	tasks, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, t := range tasks {
		stat, err := os.ReadFile(dir + "/" + t.Name() + "/stat")
		if err != nil {
			continue
		}
		// The state follows the command name, which is in parentheses
		// and may itself hold spaces or parentheses.
		if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) && stat[i+2] == 'R' {
			return true
		}
	}
	return false
}

// limitsMeasured reports whether measure works on this system.
const limitsMeasured = true
