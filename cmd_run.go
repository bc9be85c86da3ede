package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"sockbook/lessons"
	"sockbook/runner"
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
	engine      *engineFlag
	lang        *langFlag
	limits      func() runner.Limits
	server      string
	client      string
	network     string
	plan        relay.Plan
	step        bool
	only        string
	listen      string
	connect     string
}

func (f *runFlags) register(fs *flag.FlagSet, env *cliEnv) {
	fs.StringVar(&f.layout, "layout", "interleaved", "transcript layout: interleaved, columns, plain or json")
	fs.BoolVar(&f.wire, "wire", false, "show socket calls: listen, accept, dial, each read and write")
	fs.BoolVar(&f.noWire, "no-wire", false, "hide socket calls even where the lesson shows them")
	fs.BoolVar(&f.noColor, "no-color", false, "no colours (also: NO_COLOR=1, or output that is not a terminal)")
	fs.IntVar(&f.width, "width", 0, "width in columns (default: the terminal's, at most 100, or 80)")
	fs.DurationVar(&f.timeout, "timeout", runner.DefaultTimeout, "stop the run after this long")
	fs.StringVar(&f.input, "input", "", "feed this file to the client's standard input")
	fs.BoolVar(&f.interactive, "i", false, "type the client's standard input yourself")
	f.engine = addEngineFlag(fs)
	f.lang = addLangFlag(fs, env)
	f.limits = addLimitFlags(fs)
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
	fs.Int64Var(&f.plan.Seed, "seed", 0, "seed for the relay's random choices: same seed, same faults")
	fs.BoolVar(&f.step, "step", false, "show the transcript one event per key press (Enter or space; c continues, q stops)")
	fs.StringVar(&f.only, "only", "", "run one side only: server (for clients on other machines) or client (to a server elsewhere)")
	fs.StringVar(&f.listen, "listen", "", "with --only server: the address to listen on (default 127.0.0.1:8080)")
	fs.StringVar(&f.connect, "connect", "", "with --only client: the server's address (default 127.0.0.1:8080)")
}

func cmdRun(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "run", `
Usage: sockbook run LESSON [flags]
       sockbook run --server a.go --client b.go [flags]

Runs a lesson's server and client side by side and prints what both do,
under the lesson's title (in English or Chinese: --lang).
Examples:
  sockbook run basics/echo
  sockbook run basics/echo --layout columns --wire
  sockbook run basics/echo --server my_server.go
  sockbook run sticky/two-writes --wire --layout json
  sockbook run sticky/two-writes --step
  sockbook run basics/echo --only server --listen 0.0.0.0:9000
  sockbook run basics/echo --only client --connect 10.1.2.3:9000`)
	var f runFlags
	f.register(fs, env)
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	spec, opts, err := f.spec(pos)
	if err == nil {
		err = f.split(&spec, &opts, flagSet(fs, "timeout"), env)
	}
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook run: %v\n", err)
		return exitUsage
	}
	if f.interactive {
		if f.step {
			fmt.Fprintln(env.stderr, "sockbook run: -i and --step both want the keyboard; choose one")
			return exitUsage
		}
		spec.Input = env.stdin
		spec.ShowInput = true
	}
	opts.Width = env.term.displayWidth(f.width)
	opts.Color = env.term.color && !f.noColor
	mode := runMode{step: f.step, only: f.only, texts: f.lang.texts()}
	if l, err := lessons.Find(firstOf(pos)); err == nil && opts.Layout != transcript.JSON {
		mode.title = l.ID + " — " + l.TitleIn(f.lang.lang)
	}
	return runAndPrint(ctx, env, spec, opts, runner.Options{Command: env.child, Builder: env.builder, Limits: f.limits()}, mode)
}

// firstOf returns the first of args, or "" when there is none.
func firstOf(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// split turns a run into one side of a run across machines (--only).
func (f *runFlags) split(spec *runner.Spec, opts *transcript.Options, timeoutSet bool, env *cliEnv) error {
	if f.listen != "" && f.only != "server" || f.connect != "" && f.only != "client" {
		return fmt.Errorf("--listen goes with --only server, --connect with --only client")
	}
	switch f.only {
	case "":
		return nil
	case "server":
		spec.Client = nil
		spec.Addr = f.listen
		if spec.Addr == "" {
			spec.Addr = "127.0.0.1:8080"
		}
		host, _, err := net.SplitHostPort(spec.Addr)
		if err != nil {
			return fmt.Errorf("--listen %s: %w", spec.Addr, err)
		}
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			fmt.Fprintf(env.stderr, "sockbook run: warning: listening on %s is reachable from the network, not only from this machine\n", spec.Addr)
		}
		if !timeoutSet {
			spec.Timeout = -1 // until Ctrl-C
		}
	case "client":
		addr := f.connect
		if addr == "" {
			addr = "127.0.0.1:8080"
		}
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return fmt.Errorf("--connect %s: %w", addr, err)
		}
		spec.Server = nil
		spec.Client.Args = append([]string{"-addr", addr}, spec.Client.Args...)
		spec.Faults = relay.Plan{}
	default:
		return fmt.Errorf("--only %s: want server or client", f.only)
	}
	opts.Wire = !f.noWire // show who connects from where
	return nil
}

// runMode is how runAndPrint shows a run.
type runMode struct {
	step  bool   // one event per key press
	only  string // "server" or "client" for a run split across machines
	title string // the lesson's id and title, printed first; "" for none
	texts *texts // the words of the chosen language
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
		opts.Wire = (f.wire || l.Wire) && !f.noWire
	} else if needServer, needClient := f.only != "client", f.only != "server"; needServer && f.server == "" || needClient && f.client == "" {
		return spec, opts, fmt.Errorf("name a lesson (sockbook list shows them), or give the programs with --server and --client")
	}
	// The flags apply on top of what the lesson says.
	spec.Engine = f.engine.engine
	spec.Timeout = f.timeout
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
		spec.Faults = f.plan
		udp := strings.HasPrefix(spec.Network, "udp")
		if p := f.plan; udp && (p.Chop > 0 || p.Coalesce) {
			return spec, opts, fmt.Errorf("--chop and --coalesce reshape a TCP stream; this lesson uses UDP (try --loss, --dup, --reorder, --truncate)")
		} else if !udp && (p.Loss > 0 || p.Dup > 0 || p.Reorder || p.Truncate > 0) {
			return spec, opts, fmt.Errorf("--loss, --dup, --reorder and --truncate act on UDP datagrams; this lesson uses TCP (try --chop, --coalesce, --delay)")
		}
	}
	return spec, opts, nil
}

// runAndPrint runs spec, streaming the transcript, and prints a verdict.
func runAndPrint(ctx context.Context, env *cliEnv, spec runner.Spec, opts transcript.Options, ropts runner.Options, mode runMode) int {
	if mode.title != "" {
		fmt.Fprintln(env.stdout, mode.title)
	}
	if h := transcript.Header(opts); h != "" {
		fmt.Fprintln(env.stdout, h)
	}
	var stepper *stepper
	if mode.step {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		stepper = newStepper(env, cancel, mode.texts.stepHelp)
	}
	out := env.stdout
	if stepper != nil && stepper.raw {
		out = crlfWriter{env.stdout}
	}
	printer := transcript.NewPrinter(out, opts)
	var printErr error
	show := func(ev event.Event) {
		if printErr == nil {
			printErr = printer.Event(ev)
		}
	}
	if stepper != nil {
		stepper.start(show)
		show = stepper.add
	}
	if mode.only == "server" {
		fmt.Fprintf(env.stderr, "sockbook: serving %s on %s until Ctrl-C\n", spec.Server.Path, spec.Addr)
	}
	ropts.OnEvent = show
	res, err := runSession(ctx, spec, ropts, mode.only == "server")
	if stepper != nil {
		stepper.finish()
	}
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook run: %v\n", err)
		return exitFailed
	}
	if mode.only == "server" && ctx.Err() != nil {
		fmt.Fprintln(env.stderr, "sockbook: server stopped")
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

// runSession runs spec to its end: the pair, or a server run alone for a
// class (alone), which serves until Ctrl-C, its normal end and not an
// interruption.
func runSession(ctx context.Context, spec runner.Spec, opts runner.Options, alone bool) (*runner.Result, error) {
	if !alone {
		return runner.Run(ctx, spec, opts)
	}
	sess, err := runner.Start(context.WithoutCancel(ctx), spec, opts)
	if err != nil {
		return nil, err
	}
	select {
	case <-ctx.Done():
		return sess.Stop(), nil
	case <-sess.Done():
		return sess.Wait(), nil
	}
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
	if f, ok := res.Failed(runner.Compile); ok && spec.Engine == runner.Yaegi {
		explainCompileError(ctx, w, f, spec)
	}
	if f, ok := res.Failed(runner.Panic); ok && spec.Engine == runner.Yaegi && runner.GoAvailable() {
		fmt.Fprintf(w, "To rule out an interpreter bug, run it again with --engine go (%s).\n", f.Side)
	}
	return exitFailed
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
	valid, msg, err := runner.Diagnose(ctx, nil, *p)
	switch {
	case err != nil:
		fmt.Fprintf(w, "(Could not ask the Go compiler: %v)\n", err)
	case valid:
		fmt.Fprintf(w, "The Go compiler accepts this %s: the interpreter cannot run it, it is not your mistake.\nRun it with --engine go to use the Go compiler instead.\n", f.Side)
	default:
		fmt.Fprintf(w, "The Go compiler agrees:\n%s\n", indent(msg, "  "))
	}
}
