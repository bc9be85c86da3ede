// Package child is the process side of a run: it interprets one program
// with yaegi, with the program's own arguments, and reports everything the
// program does (output lines, socket calls, how it ended) as events on a
// pipe to the runner. The runner starts one child per program, so a panic,
// a deadlock or a leaked socket in learner code can only take its own
// process down, and the runner can kill the whole process group.
package child

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	stdsyscall "github.com/traefik/yaegi/stdlib/syscall"
	"github.com/traefik/yaegi/stdlib/unrestricted"

	"sockbook/runner"
	"sockbook/runner/childproto"
	"sockbook/runner/event"
	"sockbook/runner/gobuild"
	"sockbook/runner/netwire"
)

// Arg is the first command-line argument that makes a sockbook binary
// act as a child.
const Arg = childproto.Arg

// Main runs a child and returns its exit status. The runner gives it a
// Config on descriptor 4 and reads events from descriptor 3.
func Main() int {
	session, err := netwire.Open()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return childproto.CodeSetup
	}
	return newChild(session).run()
}

// child holds one interpreted program's state.
type child struct {
	cfg     childproto.Config
	out     *netwire.Emitter
	session *netwire.Session

	// wait, if set, blocks until the runner says the program may start,
	// and reports whether it did.
	wait func() bool

	exitOnce sync.Once
	// streams are os.Stdout and os.Stderr as the program sees them: pipes
	// whose lines are read back and stamped; flushed before exiting.
	streams []*netwire.LineStream
}

func newChild(s *netwire.Session) *child {
	return &child{cfg: s.Config, out: s.Events, wait: s.Wait, session: s}
}

func (c *child) run() int {
	stdout := netwire.NewLineWriter(c.out, event.Stdout, nil)
	stderr := netwire.NewLineWriter(c.out, event.Stderr, c.interpreterLine)

	// The program's os.Stdout and os.Stderr must stay *os.File values (it
	// may call Fd or WriteString), so they become pipes read back here.
	// fmt.Print and log go straight to the line writers above.
	for _, s := range []struct {
		f    **os.File
		kind event.Kind
	}{{&os.Stdout, event.Stdout}, {&os.Stderr, event.Stderr}} {
		ls, err := netwire.NewLineStream(c.out, s.kind)
		if err != nil {
			fmt.Fprintf(os.Stderr, "sockbook child: %v\n", err)
			return childproto.CodeSetup
		}
		*s.f = ls.File()
		c.streams = append(c.streams, ls)
	}

	// flag.Parse and os.Args see the program's own arguments, as under
	// go run; a bad flag prints usage and exits 2, as compiled Go does.
	os.Args = append([]string{path.Base(path.Dir(c.cfg.Path))}, c.cfg.Args...)
	flag.CommandLine = flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	flag.CommandLine.SetOutput(stderr)

	i := interp.New(interp.Options{
		Stdin:                os.Stdin,
		Stdout:               stdout,
		Stderr:               stderr,
		Args:                 os.Args,
		Unrestricted:         true,
		SourcecodeFilesystem: c.sourceFS(),
	})
	needed := c.imports()
	for _, syms := range []interp.Exports{only(stdlib.Symbols, needed), only(stdsyscall.Symbols, needed), only(unrestricted.Symbols, needed), only(extSymbols(), needed), c.overrides(stdout, stderr)} {
		if err := i.Use(syms); err != nil {
			fmt.Fprintf(os.Stderr, "sockbook child: load symbols: %v\n", err)
			return childproto.CodeSetup
		}
	}

	if len(c.cfg.Files) != 1 {
		why := fmt.Sprintf("the interpreter runs programs of one file; this one has %d", len(c.cfg.Files))
		return c.compiled(why, []string{fmt.Sprintf("%s: %s: run it with --engine go", path.Dir(c.cfg.Path), why)})
	}
	prog, err := i.CompilePath(c.virtualPath())
	if err != nil {
		msgs := c.compileMessages(err)
		first, _, _ := strings.Cut(msgs[0], "\n")
		return c.compiled("the interpreter rejects it ("+first+")", msgs)
	}
	if c.wait != nil && !c.wait() {
		return childproto.CodeSetup // the runner never gave the go: the run is over
	}
	// The runner starts children with the collector off (GOGC=off): the
	// start-up and the interpreter's set-up allocate megabytes that live
	// for the whole run, and collecting while they do only costs time.
	// The program runs with the collector as the user had it.
	netwire.RestoreGC()
	c.out.Emit(event.Event{Kind: event.Start, Text: strings.Join(os.Args, " ")})
	if _, err := i.Execute(prog); err != nil {
		var p interp.Panic
		if errors.As(err, &p) {
			if code, ok := p.Value.(exitCode); ok { // os.Exit or log.Fatal
				return c.exit(int(code))
			}
			c.panicked(p)
			return c.exit(childproto.CodePanic)
		}
		c.out.Emit(childproto.Failure(childproto.Panic, err.Error()))
		return c.exit(childproto.CodePanic)
	}
	return c.exit(0)
}

// imports returns the import paths of the program's files. Loading only
// those packages' symbols (and a few the interpreter itself relies on)
// instead of the whole standard library saves most of a child's start-up.
// A file that does not parse imports everything: the compiler will then
// report the syntax error.
func (c *child) imports() map[string]bool {
	needed := map[string]bool{"fmt": true, "os": true, "log": true, "flag": true, "errors": true, "io": true}
	fset := token.NewFileSet()
	for name, src := range c.cfg.Files {
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			return nil
		}
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil {
				needed[p] = true
			}
		}
	}
	return needed
}

// only returns the symbols of the needed packages (all of them when needed
// is nil). Keys are "import/path/name", as yaegi's symbol tables have them.
func only(syms interp.Exports, needed map[string]bool) interp.Exports {
	if needed == nil {
		return syms
	}
	out := interp.Exports{}
	for key, v := range syms {
		if needed[path.Dir(key)] || path.Dir(key) == "." {
			out[key] = v
		}
	}
	return out
}

// compiled runs a program the interpreter rejects (why says how, and
// interpErrs are its messages) with the Go compiler when the engine is
// auto: built with the same instrumentation, the program takes this
// process's place and reports to the runner as the interpreter would
// have. With another engine, or when the compiler rejects the program
// too, it reports the compile errors: the compiler's, when there are
// some, since those are the learner's to fix.
func (c *child) compiled(why string, interpErrs []string) int {
	reportInterp := func(note string) int {
		for _, msg := range interpErrs {
			c.out.Emit(childproto.Failure(childproto.Compile, msg))
		}
		if note != "" {
			c.out.Emit(event.Event{Kind: event.Note, Text: note})
		}
		return c.exit(childproto.CodeCompile)
	}
	if c.cfg.Engine != "auto" {
		return reportInterp("")
	}
	files := map[string][]byte{}
	for name, src := range c.cfg.Files {
		files[name] = []byte(src)
	}
	ctx, cancel := context.WithTimeout(context.Background(), runner.StartupLimit)
	defer cancel()
	bin, err := gobuild.New(c.cfg.BuildCache, runner.Instrumentation).Build(ctx, files, c.cfg.Path)
	var compileErr *gobuild.CompileError
	switch {
	case errors.As(err, &compileErr):
		c.out.Emit(childproto.Failure(childproto.Compile, compileErr.Message))
		return c.exit(childproto.CodeCompile)
	case errors.Is(err, gobuild.ErrNoGo):
		return reportInterp("The interpreter cannot run this program and " + err.Error() + ": with it, sockbook runs every program the Go compiler accepts.")
	case err != nil:
		return reportInterp("The interpreter cannot run this program, and the Go compiler could not be asked: " + err.Error())
	}
	env, err := c.session.HandOverEnv()
	if err == nil {
		c.out.Emit(event.Event{Kind: event.Note, Text: "ran with the Go compiler: " + why})
		err = handOver(bin, c.cfg.Args, append(os.Environ(), env...))
	}
	c.out.Emit(childproto.Failure(childproto.Internal, fmt.Sprintf("start the compiled program: %v", err)))
	return c.exit(childproto.CodeSetup)
}

// exitCode is the panic value that carries an os.Exit out of the program.
type exitCode int

// virtualDir is the folder the program's files are served from to the
// interpreter: Path itself may be absolute or hold "..", which an fs.FS
// does not allow. Messages are mapped back to Path.
const virtualDir = "program"

// virtualPath is where the interpreter finds the main file.
func (c *child) virtualPath() string { return virtualDir + "/" + path.Base(c.cfg.Path) }

// realPaths rewrites the interpreter's file names in msg into the
// program's own.
func (c *child) realPaths(msg string) string {
	return strings.ReplaceAll(msg, virtualDir+"/", path.Dir(c.cfg.Path)+"/")
}

// sourceFS serves the program's files to the interpreter.
func (c *child) sourceFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, src := range c.cfg.Files {
		fsys[virtualDir+"/"+name] = &fstest.MapFile{Data: []byte(src), Mode: 0o644}
	}
	return fsys
}

// exit flushes every stream, reports the exit status and returns it.
func (c *child) exit(code int) int {
	c.exitOnce.Do(func() {
		for _, s := range c.streams {
			s.Flush()
		}
		c.out.Emit(event.Event{Kind: event.Exit, Code: code, Text: fmt.Sprintf("exit status %d", code)})
		c.out.Close()
	})
	return code
}

// overrides replaces the symbols whose yaegi versions differ from compiled
// Go in ways a learner would notice, and the net package's entry points,
// which are wrapped to report socket calls.
func (c *child) overrides(stdout, stderr io.Writer) interp.Exports {
	exit := func(code int) {
		os.Exit(c.exit(code))
	}
	logger := newFatalLogger(stderr, exit)
	ex := interp.Exports{
		"os/os": {
			// Real os.Exit semantics, but with the output flushed first.
			"Exit": reflect.ValueOf(exit),
		},
		"log/log": logger.symbols(),
	}
	netwire.Install(c.out, c.cfg.Redirect)
	ex["net/net"] = netSymbols()
	// flag.Parse works on the host's flag.CommandLine, which run resets
	// to the program's own; the program's flag.CommandLine must be that one.
	ex["flag/flag"] = map[string]reflect.Value{"CommandLine": reflect.ValueOf(&flag.CommandLine).Elem()}
	return ex
}

var posRE = regexp.MustCompile(`^(.+?):(\d+):(\d+): (.*)$`)

// panicPosRE matches the line yaegi prints where a panic went through.
var panicPosRE = regexp.MustCompile(`^` + virtualDir + `/\S+\.go:\d+:\d+: panic`)

// interpreterLine points the interpreter's own panic lines at the
// program's real path.
func (c *child) interpreterLine(line string) string {
	if panicPosRE.MatchString(line) {
		return c.realPaths(line)
	}
	return line
}

// compileError reports a compile error with its position and source line.
func (c *child) compileError(err error) {
	for _, msg := range c.compileMessages(err) {
		c.out.Emit(childproto.Failure(childproto.Compile, msg))
	}
}

// compileMessages returns the interpreter's compile errors, each with its
// position and source line.
func (c *child) compileMessages(err error) []string {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		var out []string
		for _, e := range list {
			out = append(out, c.withSourceLine(c.realPaths(e.Pos.Filename), e.Pos.Line, e.Pos.Column, e.Msg))
		}
		return out
	}
	msg := c.realPaths(err.Error())
	if m := posRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return []string{c.withSourceLine(m[1], line, col, m[4])}
	}
	return []string{msg}
}

// withSourceLine formats "file:line:col: msg" followed by the source line
// and a caret under the column.
func (c *child) withSourceLine(file string, line, col int, msg string) string {
	head := fmt.Sprintf("%s:%d:%d: %s", file, line, col, msg)
	src, ok := c.cfg.Files[path.Base(file)]
	if !ok {
		return head
	}
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return head
	}
	text := strings.ReplaceAll(lines[line-1], "\t", "    ")
	caretCol := col - 1 + 3*strings.Count(lines[line-1][:min(col-1, len(lines[line-1]))], "\t")
	return fmt.Sprintf("%s\n    %s\n    %s^", head, text, strings.Repeat(" ", max(0, caretCol)))
}

// panicked reports a panic in main with the best position yaegi knows.
func (c *child) panicked(p interp.Panic) {
	text := fmt.Sprintf("panic: %v", p.Value)
	if err, ok := p.Value.(error); ok {
		text = fmt.Sprintf("panic: %v", err.Error())
	}
	c.out.Emit(childproto.Failure(childproto.Panic, text))
}

// netSymbols returns the instrumented replacements for the net package.
func netSymbols() map[string]reflect.Value {
	return map[string]reflect.Value{
		"Listen":       reflect.ValueOf(netwire.Listen),
		"ListenTCP":    reflect.ValueOf(netwire.ListenTCP),
		"ListenPacket": reflect.ValueOf(netwire.ListenPacket),
		"ListenUDP":    reflect.ValueOf(netwire.ListenUDP),
		"Dial":         reflect.ValueOf(netwire.Dial),
		"DialTimeout":  reflect.ValueOf(netwire.DialTimeout),
		"DialTCP":      reflect.ValueOf(netwire.DialTCP),
		"DialUDP":      reflect.ValueOf(netwire.DialUDP),
		"TCPConn":      reflect.ValueOf((*netwire.TCPConn)(nil)),
		"TCPListener":  reflect.ValueOf((*netwire.TCPListener)(nil)),
		"UDPConn":      reflect.ValueOf((*netwire.UDPConn)(nil)),
		"ListenConfig": reflect.ValueOf((*netwire.ListenConfig)(nil)),
		"Dialer":       reflect.ValueOf((*netwire.Dialer)(nil)),
	}
}
