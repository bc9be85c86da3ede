//go:build windows

package runner

import (
	"fmt"
	"os"
	"os/exec"
	"unsafe"

	"golang.org/x/sys/windows"
)

// tree is a started program and everything it starts: on Windows, a Job
// Object that the program is assigned to, which its own children join,
// and that ends them all when it is terminated or closed.
type tree struct{ job windows.Handle }

// prepareTree has nothing to set before the start on Windows.
func prepareTree(*exec.Cmd) {}

// newTree puts a started program in a Job Object of its own. The job is
// set to kill everything in it when its last handle closes, so that not
// even a crash of sockbook leaves a program running, and holds the
// program's memory (committed, for the whole job) and its number of
// processes to l.
func newTree(cmd *exec.Cmd, l Limits) (*tree, error) {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return nil, fmt.Errorf("job object: %w", err)
	}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{}
	info.BasicLimitInformation.LimitFlags = windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE |
		windows.JOB_OBJECT_LIMIT_JOB_MEMORY | windows.JOB_OBJECT_LIMIT_ACTIVE_PROCESS
	info.JobMemoryLimit = uintptr(l.Memory)
	info.BasicLimitInformation.ActiveProcessLimit = uint32(l.Processes)
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(job)
		return nil, fmt.Errorf("job object: %w", err)
	}
	proc, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(cmd.Process.Pid))
	if err != nil {
		windows.CloseHandle(job)
		return nil, fmt.Errorf("job object: open process: %w", err)
	}
	defer windows.CloseHandle(proc)
	if err := windows.AssignProcessToJobObject(job, proc); err != nil {
		windows.CloseHandle(job)
		return nil, fmt.Errorf("job object: assign: %w", err)
	}
	return &tree{job: job}, nil
}

// kill ends every process in the job.
func (t *tree) kill() { windows.TerminateJobObject(t.job, 1) }

// release closes the job, which ends whatever is still in it.
func (t *tree) release() { windows.CloseHandle(t.job) }

// maxRSS is not measured on Windows.
func maxRSS(*os.ProcessState) int64 { return 0 }
