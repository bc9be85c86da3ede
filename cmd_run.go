package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"sockbook/lessons"
	"sockbook/runner"
	"sockbook/runner/child"
	"sockbook/runner/event"
	"sockbook/runner/relay"
	"sockbook/runner/transcript"
)

// runFlags are the flags of sockbook run.
type runFlags struct {
	layout      string
	wire        bool
	noWire      bool
	noColor     bool
	width       int
	timeout     time.Duration
	input       string
	interactive bool
	engine      string
	server      string
	client      string
	network     string
	plan        relay.Plan
}

func (f *runFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.layout, "layout", "interleaved", "transcript layout: interleaved, columns, plain or json")
	fs.BoolVar(&f.wire, "wire", false, "show socket calls: listen, accept, dial, each read and write")
	fs.BoolVar(&f.noWire, "no-wire", false, "hide socket calls even where the lesson shows them")
	fs.BoolVar(&f.noColor, "no-color", false, "no colours (also: NO_COLOR=1, or output that is not a terminal)")
	fs.IntVar(&f.width, "width", 0, "width in columns (default: the terminal's, at most 100, or 80)")
	fs.DurationVar(&f.timeout, "timeout", runner.DefaultTimeout, "stop the run after this long")
	fs.StringVar(&f.input, "input", "", "feed this file to the client's standard input")
	fs.BoolVar(&f.interactive, "i", false, "type the client's standard input yourself")
	fs.StringVar(&f.engine, "engine", "yaegi", "yaegi (interpreter, sees socket calls) or go (go build)")
	fs.StringVar(&f.server, "server", "", "run this server program (a .go file or folder) instead of the lesson's")
	fs.StringVar(&f.client, "client", "", "run this client program (a .go file or folder) instead of the lesson's")
	fs.StringVar(&f.network, "network", "", "tcp or udp, for --server/--client pairs without a lesson (default tcp)")
	fs.IntVar(&f.plan.Chop, "chop", 0, "deliver the TCP stream in pieces of at most N bytes")
	fs.BoolVar(&f.plan.Coalesce, "coalesce", false, "merge writes that come close together into one delivery")
	fs.DurationVar(&f.plan.Delay, "delay", 0, "add this latency to every piece or datagram")
	fs.Float64Var(&f.plan.Loss, "loss", 0, "drop each UDP datagram with this probability (0-1)")
	fs.Float64Var(&f.plan.Dup, "dup", 0, "duplicate each UDP datagram with this probability (0-1)")
	fs.BoolVar(&f.plan.Reorder, "reorder", false, "let UDP datagrams overtake each other")
	fs.IntVar(&f.plan.Truncate, "truncate", 0, "cut every UDP datagram to N bytes")
	fs.Int64Var(&f.plan.Seed, "seed", 1, "seed for the relay's random choices: same seed, same faults")
}

func cmdRun(ctx context.Context, env *cliEnv, args []string) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var f runFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: sockbook run LESSON [flags]")
		fmt.Fprintln(fs.Output(), "       sockbook run --server a.go --client b.go [flags]")
		fmt.Fprintln(fs.Output())
		fmt.Fprintln(fs.Output(), "Runs a lesson's server and client side by side and prints what both do.")
		fmt.Fprintln(fs.Output(), "Examples:")
		fmt.Fprintln(fs.Output(), "  sockbook run basics/echo")
		fmt.Fprintln(fs.Output(), "  sockbook run basics/echo --layout columns --wire")
		fmt.Fprintln(fs.Output(), "  sockbook run basics/echo --server my_server.go")
		fmt.Fprintln(fs.Output(), "  sockbook run sticky/two-writes --wire --layout json")
		fmt.Fprintln(fs.Output())
		fmt.Fprintln(fs.Output(), "Flags:")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	spec, opts, err := f.spec(pos)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook run: %v\n", err)
		return exitUsage
	}
	if f.interactive {
		spec.Input = env.stdin
	}
	opts.Width = env.term.displayWidth(f.width)
	opts.Color = env.term.color && !f.noColor
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook run: %v\n", err)
		return exitFailed
	}
	return runAndPrint(ctx, env, spec, opts, []string{exe, child.Arg})
}

// spec builds the run from the positional arguments and the flags.
func (f *runFlags) spec(pos []string) (runner.Spec, transcript.Options, error) {
	var spec runner.Spec
	opts := transcript.Options{Times: true, Wire: f.wire}
	layout, err := transcript.ParseLayout(f.layout)
	if err != nil {
		return spec, opts, err
	}
	opts.Layout = layout
	if layout == transcript.Plain {
		opts.Times = false
	}
	switch f.engine {
	case "yaegi", "go":
		spec.Engine = runner.Engine(f.engine)
	default:
		return spec, opts, fmt.Errorf("unknown engine %q (want yaegi or go)", f.engine)
	}
	spec.Timeout = f.timeout
	if len(pos) > 1 {
		return spec, opts, fmt.Errorf("one lesson at a time (got %s)", strings.Join(pos, " "))
	}
	if len(pos) == 1 {
		l, err := lessons.Find(pos[0])
		if err != nil {
			return spec, opts, err
		}
		if spec, err = l.Spec(); err != nil {
			return spec, opts, err
		}
		spec.Timeout = f.timeout
		if l.Timeout > 0 && f.timeout == runner.DefaultTimeout {
			spec.Timeout = l.Timeout
		}
		spec.Engine = runner.Engine(f.engine)
		opts.Wire = (f.wire || l.Wire) && !f.noWire
	} else if f.server == "" || f.client == "" {
		return spec, opts, fmt.Errorf("name a lesson (sockbook list shows them), or give both --server and --client")
	}
	if f.network != "" {
		spec.Network = f.network
	}
	for _, side := range []struct {
		path string
		dst  **runner.Program
	}{{f.server, &spec.Server}, {f.client, &spec.Client}} {
		if side.path == "" {
			continue
		}
		p, err := runner.LoadProgram(side.path)
		if err != nil {
			return spec, opts, err
		}
		if *side.dst != nil {
			p.Args = (*side.dst).Args
		}
		*side.dst = &p
	}
	if f.input != "" {
		b, err := os.ReadFile(f.input)
		if err != nil {
			return spec, opts, fmt.Errorf("--input: %w", err)
		}
		spec.Input = strings.NewReader(string(b))
	}
	if f.plan.Active() {
		seed := spec.Faults.Seed
		spec.Faults = f.plan
		if seed != 0 && f.plan.Seed == 1 {
			spec.Faults.Seed = seed
		}
	}
	return spec, opts, nil
}

// runAndPrint runs spec, streaming the transcript, and prints a verdict.
func runAndPrint(ctx context.Context, env *cliEnv, spec runner.Spec, opts transcript.Options, command []string) int {
	if h := transcript.Header(opts); h != "" {
		fmt.Fprintln(env.stdout, h)
	}
	printer := transcript.NewPrinter(env.stdout, opts)
	var printErr error
	res, err := runner.Run(ctx, spec, runner.Options{
		Command: command,
		OnEvent: func(ev event.Event) {
			if printErr == nil {
				printErr = printer.Event(ev)
			}
		},
	})
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook run: %v\n", err)
		return exitFailed
	}
	if printErr != nil && !errors.Is(printErr, io.ErrClosedPipe) {
		fmt.Fprintf(env.stderr, "sockbook run: %v\n", printErr)
	}
	if opts.Layout == transcript.JSON {
		if res.OK() {
			return exitOK
		}
		return exitFailed
	}
	return verdict(ctx, env, res, spec)
}

// verdict tells the user how the run ended and what to do next.
func verdict(ctx context.Context, env *cliEnv, res *runner.Result, spec runner.Spec) int {
	if res.OK() {
		return exitOK
	}
	w := env.stderr
	fmt.Fprintln(w)
	for _, f := range res.Failures {
		// The transcript shows the details; this is the summary.
		first, _, _ := strings.Cut(f.Message, "\n")
		fmt.Fprintf(w, "sockbook: %s: %s\n", f.Side, first)
	}
	if _, ok := res.Failed(runner.Interrupted); ok {
		return exitInt
	}
	if f, ok := res.Failed(runner.Compile); ok && spec.Engine != runner.GoToolchain {
		explainCompileError(ctx, w, f, spec)
	}
	if f, ok := res.Failed(runner.Panic); ok && spec.Engine != runner.GoToolchain && runner.GoAvailable() {
		fmt.Fprintf(w, "To rule out an interpreter bug, run it again with --engine go (%s).\n", f.Side)
	}
	return exitFailed
}

// parseInterspersed parses flags that may come before and after the
// positional arguments (sockbook run basics/echo --wire).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// explainCompileError asks the Go compiler about a program the interpreter
// rejected: correct Go must never be reported as the learner's mistake.
func explainCompileError(ctx context.Context, w io.Writer, f runner.Failure, spec runner.Spec) {
	p := spec.Server
	if f.Side == event.Client {
		p = spec.Client
	}
	if p == nil {
		return
	}
	if !runner.GoAvailable() {
		fmt.Fprintln(w, "(If go build accepts this program, the interpreter lacks a feature it uses: install Go and use --engine go.)")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	valid, msg, err := runner.Diagnose(ctx, "", *p)
	switch {
	case err != nil:
		fmt.Fprintf(w, "(Could not ask the Go compiler: %v)\n", err)
	case valid:
		fmt.Fprintf(w, "The Go compiler accepts this %s: the interpreter cannot run it, it is not your mistake.\nRun it with --engine go to use the Go compiler instead.\n", f.Side)
	default:
		fmt.Fprintf(w, "The Go compiler agrees:\n%s\n", indent(msg, "  "))
	}
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+prefix)
}
