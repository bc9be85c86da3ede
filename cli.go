package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync"

	"sockbook/runner"
)

// newFlags returns a flag set for a subcommand. usage is its help text:
// the usage lines, a description and examples; the flags' defaults are
// printed after it. Every command builds its flags here, so that all of
// them print help, and report a bad flag, the same way.
func newFlags(env *cliEnv, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), strings.TrimSpace(usage))
		var hasFlags bool
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses a subcommand's arguments, flags before and after the
// positional ones (sockbook run basics/echo --wire); done is set with the
// exit status when the command should stop here (--help, a bad flag).
func parse(fs *flag.FlagSet, args []string) (pos []string, code int, done bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, true
			}
			return nil, exitUsage, true
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, 0, false
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// engineFlag is the --engine flag: it accepts only an engine the runner
// knows, so a typo is a usage error in every command that takes it.
type engineFlag struct{ engine runner.Engine }

func (e *engineFlag) String() string { return string(e.engine) }

func (e *engineFlag) Set(name string) error {
	engine, err := runner.ParseEngine(name)
	if err != nil {
		return err
	}
	e.engine = engine
	return nil
}

// addEngineFlag registers --engine on fs, with auto as default.
func addEngineFlag(fs *flag.FlagSet) *engineFlag {
	e := &engineFlag{engine: runner.Auto}
	fs.Var(e, "engine", "auto (the interpreter, or the Go compiler for the Go it lacks), yaegi (the interpreter only) or go (the Go compiler)")
	return e
}

// sizeFlag is a flag that takes a size such as 512M or 2GiB.
type sizeFlag struct{ bytes int64 }

func (f *sizeFlag) String() string { return runner.FormatSize(f.bytes) }

func (f *sizeFlag) Set(s string) error {
	n, err := runner.ParseSize(s)
	if err != nil {
		return err
	}
	f.bytes = n
	return nil
}

// addLimitFlags registers the flags that bound what a program may use and
// returns the limits they give (the defaults where none is given).
func addLimitFlags(fs *flag.FlagSet) func() runner.Limits {
	d := runner.DefaultLimits()
	memory := &sizeFlag{bytes: d.Memory}
	fs.Var(memory, "max-memory", "stop a program that uses more memory than this (its children included)")
	return func() runner.Limits {
		l := d
		l.Memory = memory.bytes
		return l
	}
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+prefix)
}

// crlfWriter turns \n into \r\n for a terminal in raw mode, where a line
// feed no longer returns the carriage.
type crlfWriter struct{ w io.Writer }

func (c crlfWriter) Write(p []byte) (int, error) {
	_, err := c.w.Write([]byte(strings.ReplaceAll(string(p), "\n", "\r\n")))
	return len(p), err
}

// inParallel calls work(i) for every i below count, at most limit calls
// at a time, and returns when all have returned.
func inParallel(limit, count int, work func(i int)) {
	slots := make(chan struct{}, max(limit, 1))
	var wg sync.WaitGroup
	for i := range count {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			work(i)
		})
	}
	wg.Wait()
}
