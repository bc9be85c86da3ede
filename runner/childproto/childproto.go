// Package childproto is the protocol between the runner and a child
// process that runs one program: how the child is started (Arg), the
// descriptors it talks on, the Config it is sent, the Messages it sends
// back, the exit codes it ends with and the failure reasons it reports.
//
// Both sides import it, so that neither spells a value of the other's by
// hand. It holds no interpreter: the runner, the checkers and the tests
// can speak the protocol without linking yaegi, which only the child
// itself (package runner/child) needs.
package childproto

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"sockbook/runner/event"
)

// Arg is the first command-line argument that makes a sockbook binary act
// as a child.
const Arg = "__child"

// The child's extra file descriptors, as the runner sets them up on Unix
// (exec.Cmd.ExtraFiles starts at descriptor 3).
const (
	EventsFD = 3 // the child writes Messages here, one JSON object a line
	ConfigFD = 4 // the child reads its Config here, then perhaps "go\n"
)

// FilesEnv names the environment variable that tells a child its events
// and config handles where a process inherits handles but not
// descriptor numbers (Windows): "EVENTS,CONFIG", in decimal.
const FilesEnv = "SOCKBOOK_CHILD_FILES"

// FileHandles returns the numbers Files opens: the handles FilesEnv names
// when it is set, else EventsFD and ConfigFD.
func FileHandles() (events, config uintptr, err error) {
	v := os.Getenv(FilesEnv)
	if v == "" {
		return EventsFD, ConfigFD, nil
	}
	e, c, ok := strings.Cut(v, ",")
	en, err1 := strconv.ParseUint(e, 10, 64)
	cn, err2 := strconv.ParseUint(c, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("%s=%q: want two handles, EVENTS,CONFIG", FilesEnv, v)
	}
	return uintptr(en), uintptr(cn), nil
}

// Files returns the child's events and config files: the handles FilesEnv
// names when it is set, else descriptors EventsFD and ConfigFD.
func Files() (events, config *os.File, err error) {
	ev, cfg, err := FileHandles()
	if err != nil {
		return nil, nil, err
	}
	events, config = os.NewFile(ev, "events"), os.NewFile(cfg, "config")
	if events == nil || config == nil {
		return nil, nil, errors.New("no events or config file: this program is started by sockbook's runner, not by hand")
	}
	return events, config, nil
}

// HandOverEnv and HandOverBufferedEnv carry a child's config, and what it
// had already read past the config on the config descriptor, to the
// compiled program a child starts in its own place (the auto engine's
// fallback), which then reads the rest of the config descriptor itself.
const (
	HandOverEnv         = "SOCKBOOK_CHILD_CONFIG"
	HandOverBufferedEnv = "SOCKBOOK_CHILD_BUFFERED"
)

// Go is the line the runner writes on the config descriptor to let a
// child that was started early (Config.WaitForStart) run its program.
const Go = "go"

// Config is what the runner tells a child to run.
type Config struct {
	Side event.Side `json:"side"`
	// Path is the program's name as the learner knows it (a file path
	// such as "lessons/basics/echo/server/main.go"); errors point there.
	Path string `json:"path"`
	// Files holds the program's source files by name (all in one folder).
	Files map[string]string `json:"files"`
	// Args are the program's command-line arguments (os.Args[1:]).
	Args []string `json:"args"`
	// Redirect sends a dial or datagram meant for the key's address to the
	// value's address instead (the fault relay), while the program still
	// sees the address it asked for.
	Redirect map[string]string `json:"redirect,omitempty"`
	// WaitForStart has the child compile the program, then wait for a
	// line Go on the config descriptor before running it.
	WaitForStart bool `json:"waitForStart,omitempty"`
	// Engine is how the child runs the program: "yaegi" interprets it;
	// "auto" interprets it if the interpreter accepts it and else builds
	// it with the Go compiler; "go" always builds it.
	Engine string `json:"engine,omitempty"`
	// BuildCache is the folder for programs built with the Go compiler.
	BuildCache string `json:"buildCache,omitempty"`
}

// Message is one event as it travels from a child to the runner.
type Message struct {
	T int64 `json:"t"` // event.Now() in nanoseconds
	event.Event
}

// Exit codes a child uses for ends that are not the program's own.
const (
	CodeCompile = 97 // the program does not compile
	CodePanic   = 2  // the program panicked (as compiled Go does)
	CodeSetup   = 98 // the child could not start the interpreter
)

// UserGOGC is the environment variable in which the runner passes the
// user's own GOGC ("" when unset) to a child it starts with the collector
// off; the child restores it before the program runs.
const UserGOGC = "SOCKBOOK_USER_GOGC"

// Reason says why a run failed. A child reports Compile and Panic in the
// Err field of a Failure event; the runner adds the others.
type Reason string

// The reasons a run fails.
const (
	Compile      Reason = "compile"       // the program does not compile
	Panic        Reason = "panic"         // it panicked
	Timeout      Reason = "timeout"       // it ran past the timeout
	Flood        Reason = "flood"         // it printed without end
	NeverListens Reason = "never-listens" // the server never listened on its address
	WrongAddr    Reason = "wrong-address" // the server listened somewhere else
	ExitStatus   Reason = "exit"          // it exited with a non-zero status
	Interrupted  Reason = "interrupted"   // the user stopped the run
	Limit        Reason = "limit"         // it used more than a limit allows (memory, files, processes…)
	Internal     Reason = "internal"      // the runner itself failed
)

// Failure returns the event a child sends when its program fails for
// reason: text is the message a learner reads.
func Failure(reason Reason, text string) event.Event {
	return event.Event{Kind: event.Failure, Err: string(reason), Text: text}
}

// FailureReason returns the reason a Failure event carries; an event
// without one is a Panic (a child reports every other ending by its exit
// code).
func FailureReason(ev event.Event) Reason {
	if ev.Err == "" {
		return Panic
	}
	return Reason(ev.Err)
}
