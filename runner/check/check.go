// Package check holds the exercises' checkers: for each exercise, named
// scenarios that play the other side of the learner's program from native
// Go code (a client for a server exercise, a server for a client exercise)
// and judge only what crosses the wire. README.md in this folder holds
// each exercise's adversarial matrix: which scenario covers which stream
// when it is chopped, coalesced, slow, at its limit, past it, empty,
// binary, cut short, reset, crowded or silent.
package check

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"sockbook/runner/event"
	"sockbook/runner/relay"
)

// Role says which side of the protocol the learner writes.
type Role string

// The roles a learner's program can have.
const (
	ServerRole Role = "server"
	ClientRole Role = "client"
)

// Exercise is one exercise's checker.
type Exercise struct {
	ID      string // fixed, e.g. "line-frames"
	Chapter string // the chapter that teaches it
	Title   string
	Role    Role
	Network string // "tcp" or "udp": what a server exercise listens on
	// ServerArgs returns the flags the learner's server gets after -addr
	// (for example -dir for file-upload). Nil means none.
	ServerArgs func(env *Env) []string
	// Needs names the programs the scenarios have the learner's program
	// start (remote-cmd's echo, cat, dd and sleep): a check that cannot
	// find one on PATH is an error, not a verdict.
	Needs     []string
	Scenarios []Scenario
}

// findNeeds returns an error naming the programs ex needs that are not
// on PATH, with where Windows, which has none of them of its own, gets
// them.
func findNeeds(ex Exercise) error {
	var missing []string
	for _, name := range ex.Needs {
		if _, err := exec.LookPath(name); err != nil {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	verb := "are"
	if len(missing) == 1 {
		verb = "is"
	}
	msg := fmt.Sprintf("check %s: its scenarios have your program run %s, and %s %s not on PATH here, so it cannot be checked on this machine",
		ex.ID, strings.Join(ex.Needs, ", "), strings.Join(missing, ", "), verb)
	if runtime.GOOS == "windows" {
		msg += `: Windows has none of them of its own; Git for Windows has them in C:\Program Files\Git\usr\bin, which you can add to PATH`
	}
	return errors.New(msg)
}

// Scenario is one named test of the learner's program. For a server
// exercise the runner starts a fresh server for each scenario.
type Scenario struct {
	Name string // short, kebab-case: "chopped-1-byte"
	Doc  string // one sentence: what a program must do to pass
	// Timeout bounds the scenario; zero means DefaultTimeout.
	Timeout time.Duration
	// Local marks a scenario that needs the server the checker starts
	// itself (a fresh process, its exit status, its memory, its files):
	// it is skipped when checking a server running elsewhere (--connect).
	Local bool
	// Run plays the other side and returns nil when the program behaved.
	// A failed expectation is returned as a *Failure.
	Run func(ctx context.Context, env *Env) error
}

// DefaultTimeout bounds a scenario that names no timeout of its own.
const DefaultTimeout = 5 * time.Second

// Env is what a scenario can use. The runner fills it.
type Env struct {
	// Addr is where the learner's server listens (server exercises).
	Addr string
	// Dir is a fresh scratch folder for this scenario (file-upload's -dir,
	// files for upload-client).
	Dir string
	// Relay returns an address that reaches the learner's server through a
	// fault-injecting relay following plan.
	Relay func(plan relay.Plan) (string, error)
	// ServerRSS returns the resident memory of the learner's server process
	// in bytes.
	ServerRSS func() (int64, error)
	// ServerVM returns the memory the learner's server process has mapped
	// for its data, in bytes (VmData on Linux), touched or not: a huge
	// make([]byte, n) shows here at once, while ServerRSS grows only as the
	// pages are written. Nil when the runner cannot tell.
	ServerVM func() (int64, error)
	// ServerExit waits, until ctx ends, for the learner's server to exit and
	// returns its exit status.
	ServerExit func(ctx context.Context) (int, error)
	// RunClient runs the learner's client program with these flags and
	// waits for it (client exercises).
	RunClient func(ctx context.Context, args []string) (ClientResult, error)
	// Log records what the checker's side did, for the failure transcript.
	Log func(event.Event)
}

// ClientResult is how a learner's client program ended.
type ClientResult struct {
	Code   int
	Stdout string
	Stderr string
}

// Failure is a scenario's failed expectation.
type Failure struct {
	What     string // what went wrong, one sentence
	Expected string // what the protocol asks for
	Got      string // what came back
}

func (f *Failure) Error() string {
	if f.Expected == "" && f.Got == "" {
		return f.What
	}
	return fmt.Sprintf("%s: expected %s, got %s", f.What, f.Expected, f.Got)
}
