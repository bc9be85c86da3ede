// Modern Go used here: the builtins min and max (Go 1.21), to keep at most
// the first 1 MiB of a command's output. One of the three files of the
// program.

package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"time"
)

const (
	maxOutput = 1 << 20         // bytes kept of stdout and of stderr
	cmdLimit  = 5 * time.Second // how long a command may run
)

// run runs argv without a shell, for at most cmdLimit, keeping at most
// maxOutput bytes of each output stream. An error means the command did
// not start or did not finish in time; a non-zero exit status is a result.
func run(argv []string) (Result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), cmdLimit)
	defer cancel()
	// The program gets argv[1:] exactly as sent: ";" or "$(…)" in an
	// argument are plain characters. When ctx ends, it is killed.
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	stdout := &cappedBuffer{limit: maxOutput}
	stderr := &cappedBuffer{limit: maxOutput}
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	// A killed program's own children may hold the pipes open: Wait
	// gives up on them after a second.
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return Result{}, fmt.Errorf("%s: killed after the %v limit", argv[0], cmdLimit)
	}
	if cmd.ProcessState == nil { // it never started
		return Result{}, fmt.Errorf("run %s: %w", argv[0], err)
	}
	return Result{
		Exit:   cmd.ProcessState.ExitCode(),
		Stdout: stdout.buf.String(),
		Stderr: stderr.buf.String(),
	}, nil
}

// cappedBuffer keeps the first limit bytes written to it and drops the
// rest without an error, so a chatty command runs on undisturbed instead
// of blocking on a full pipe.
type cappedBuffer struct {
	buf   bytes.Buffer
	limit int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	room := max(c.limit-c.buf.Len(), 0)
	c.buf.Write(p[:min(len(p), room)])
	return len(p), nil
}
