package runner

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"sockbook/runner/childproto"
	"sockbook/runner/event"
	"sockbook/runner/gobuild"
	"sockbook/runner/listenwait"
	"sockbook/runner/relay"
)

// Engine names how a program is run.
type Engine string

// The engines.
const (
	// Yaegi interprets the program in a child process: starts in
	// milliseconds and reports every socket call.
	Yaegi Engine = "yaegi"
	// GoToolchain builds the program with the Go compiler, instrumented
	// as the interpreter's programs are (package gobuild), and runs it:
	// every program the compiler accepts, with the same transcript.
	GoToolchain Engine = "go"
	// Auto interprets a program when the interpreter accepts it, and
	// builds it with the Go compiler when it does not (today's Go that
	// the interpreter lacks, several files), saying so in the transcript.
	Auto Engine = "auto"
)

// Engines lists the engines by name, for flags and messages.
func Engines() []Engine { return []Engine{Auto, Yaegi, GoToolchain} }

// ParseEngine returns the engine a --engine flag names.
func ParseEngine(name string) (Engine, error) {
	for _, e := range Engines() {
		if string(e) == name {
			return e, nil
		}
	}
	names := make([]string, 0, len(Engines()))
	for _, e := range Engines() {
		names = append(names, string(e))
	}
	return "", fmt.Errorf("unknown engine %q (want %s)", name, strings.Join(names, " or "))
}

// DefaultTimeout bounds a run that names no timeout.
const DefaultTimeout = 10 * time.Second

// DefaultMaxLines is how many output lines one side may print before the
// run is stopped as a flood.
const DefaultMaxLines = 5000

// Spec says what to run.
type Spec struct {
	Server *Program
	Client *Program // nil runs the server alone, until it exits or ctx ends
	// Network is what the server listens on: "tcp" (default) or "udp".
	Network string
	// Addr is where the server listens; empty picks a free loopback port.
	Addr string
	// Input is the client's standard input; nil gives it none (EOF).
	Input io.Reader
	// ShowInput adds each line of Input to the transcript as the client's
	// stdin event when it is passed on (for input typed live, with -i).
	ShowInput bool
	// Faults puts the fault relay between client and server.
	Faults relay.Plan
	// Timeout bounds the whole run; zero means DefaultTimeout, and a
	// negative one means no bound (a server run alone for a class).
	Timeout time.Duration
	Engine  Engine
	// notes are shown at the start of the run (why it is a retry).
	notes []event.Event
}

// Options are the runner's capabilities and limits.
type Options struct {
	// Command starts a child: the sockbook binary (or a test binary) and
	// the arguments that make it one, such as [exe, childproto.Arg].
	Command []string
	// OnEvent, if set, receives every event in time order while the run
	// goes on, from one goroutine.
	OnEvent func(event.Event)
	// MaxLines caps each side's output lines; zero means DefaultMaxLines.
	MaxLines int
	// Builder builds programs with the Go compiler (the go and auto
	// engines); nil makes one for the run, with the default cache.
	Builder *gobuild.Builder
	// Limits bound what each program may use; zero fields take the
	// DefaultLimits.
	Limits Limits
	// Dir is the working folder of every program the run starts; empty
	// means the current one.
	Dir string
}

// Reason says why a run failed; the child protocol defines the values,
// since a child reports some of them.
type Reason = childproto.Reason

// The reasons a run fails.
const (
	Compile      = childproto.Compile      // the program does not compile
	Panic        = childproto.Panic        // it panicked
	Timeout      = childproto.Timeout      // it ran past the timeout
	Flood        = childproto.Flood        // it printed without end
	NeverListens = childproto.NeverListens // the server never listened on its address
	WrongAddr    = childproto.WrongAddr    // the server listened somewhere else
	ExitStatus   = childproto.ExitStatus   // it exited with a non-zero status
	Interrupted  = childproto.Interrupted  // the user stopped the run
	Limit        = childproto.Limit        // it used more than a limit allows
	Internal     = childproto.Internal     // the runner itself failed
)

// Failure is one way a run went wrong.
type Failure struct {
	Side    event.Side
	Reason  Reason
	Message string
}

func (f Failure) String() string { return fmt.Sprintf("%s: %s", f.Side, f.Message) }

// Exit is how one program ended.
type Exit struct {
	Code   int
	Killed bool // the runner stopped it (end of run, timeout, flood)
	// MaxRSS is the process's peak resident memory in bytes (0 if unknown).
	MaxRSS int64
}

// Result is a finished run.
type Result struct {
	// Addr is where the server listened.
	Addr string
	// Events holds everything that happened, in time order; each Time is
	// measured from the start of the run.
	Events   []event.Event
	Failures []Failure
	Exits    map[event.Side]Exit
	// Engine is the engine the programs ran on.
	Engine Engine
	// Start is when the run began, on event.Now's clock.
	Start time.Duration
}

// OK reports whether the run ended without a failure.
func (r *Result) OK() bool { return len(r.Failures) == 0 }

// Failed returns the first failure of the given reason, if any.
func (r *Result) Failed(reason Reason) (Failure, bool) {
	for _, f := range r.Failures {
		if f.Reason == reason {
			return f, true
		}
	}
	return Failure{}, false
}

// run is the state of one Run.
type run struct {
	spec  Spec
	opts  Options
	start time.Duration
	msgs  chan message
	order *orderer
	res   *Result

	procs  map[event.Side]*process
	exited map[event.Side]bool
	lines  map[event.Side]int
	last   map[event.Side]event.Event // each side's latest event, for a timeout's message

	exiting map[event.Side]bool // the child said its program ended

	// armTimeout starts the run's timeout; called when the first program
	// starts (after any build).
	armTimeout func()

	session     *Session
	readyMarked bool
	serverExit  int  // the server's exit status, once serverDone is closed
	stopped     bool // a failure stopped the run; the rest is cleanup
	// the server's state, from its events
	listening bool
	waiting   bool // blocked in accept or readfrom
	openConns int
}

// Run runs the spec and returns what happened. It returns an error only
// when the runner itself cannot work (no free port, cannot start a
// process); everything a program does wrong is a Failure in the Result.
//
// Under the auto engine, a program the interpreter crashed in is run
// again, once, with the Go compiler, since the crash may be the
// interpreter's own; the transcript says so.
func Run(ctx context.Context, spec Spec, opts Options) (*Result, error) {
	res, err := runOnce(ctx, spec, opts)
	if err != nil || spec.Engine != Auto || ctx.Err() != nil {
		return res, err
	}
	again, retried := RetryCompiled(spec, res)
	if !retried {
		return res, nil
	}
	res2, err := runOnce(ctx, again, opts)
	if err != nil {
		return res, nil // the first run's verdict stands
	}
	return res2, nil
}

func runOnce(ctx context.Context, spec Spec, opts Options) (*Result, error) {
	s, err := Start(ctx, spec, opts)
	if err != nil {
		return nil, err
	}
	res := s.Wait()
	if s.err != nil {
		return nil, s.err
	}
	return res, nil
}

// RetryCompiled returns spec with the programs that crashed while
// interpreted under the auto engine set to run compiled, and whether
// there was one; a note in the next run's transcript says why.
func RetryCompiled(spec Spec, res *Result) (Spec, bool) {
	retried := false
	for _, side := range []struct {
		side event.Side
		p    **Program
	}{{event.Server, &spec.Server}, {event.Client, &spec.Client}} {
		f, crashed := res.failedOn(side.side, Panic)
		if !crashed || *side.p == nil || (*side.p).Engine != "" || res.ranCompiled(side.side) {
			continue
		}
		p := **side.p
		p.Engine = GoToolchain
		*side.p = &p
		spec.notes = append(spec.notes, event.Event{Side: side.side, Kind: event.Note,
			Text: "ran with the Go compiler: the interpreter crashed (" + firstLine(f.Message) + "), so the program ran again compiled"})
		retried = true
	}
	return spec, retried
}

// failedOn returns side's first failure of the given reason.
func (r *Result) failedOn(side event.Side, reason Reason) (Failure, bool) {
	for _, f := range r.Failures {
		if f.Side == side && f.Reason == reason {
			return f, true
		}
	}
	return Failure{}, false
}

// ranCompiled reports whether side's program ran with the Go compiler.
func (r *Result) ranCompiled(side event.Side) bool {
	for _, ev := range r.Events {
		if ev.Side == side && ev.Kind == event.Note && strings.HasPrefix(ev.Text, "ran with the Go compiler") {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// Session is a run in progress, for callers that talk to the server
// themselves (the exercise checker).
type Session struct {
	r      *run
	cancel context.CancelCauseFunc
	ready  chan struct{} // closed once the server listens or the run is over
	done   chan struct{} // closed when the run is over
	// serverDone is closed when the server process has ended.
	serverDone chan struct{}
	serverPID  int
	// err is why the runner itself could not go on, if it could not; it
	// is set before done is closed.
	err error
}

// The causes of a run's end that are not failures of a program's own.
var (
	errStopped  = errors.New("stopped by the caller") // Session.Stop: not a failure
	errTimedOut = errors.New("the run's time is up")
	errStartup  = errors.New("the programs did not start in time")
)

// StartupLimit bounds the time before a run's first program starts: a
// build with the Go compiler goes there, not into the run's timeout.
const StartupLimit = 2 * time.Minute

// Start starts a run and returns once the server listens on Spec.Addr, or
// the run has ended without it (see Result.Failures). With no client the
// server runs until Stop, its own exit or ctx's end; with no server
// (a client exercise), the client runs alone with exactly its Args.
func Start(ctx context.Context, spec Spec, opts Options) (*Session, error) {
	if spec.Server == nil && spec.Client == nil {
		return nil, errors.New("run: no program")
	}
	if spec.Network == "" {
		spec.Network = "tcp"
	}
	if spec.Timeout == 0 {
		spec.Timeout = DefaultTimeout
	}
	if spec.Engine == "" {
		spec.Engine = Yaegi
	}
	if opts.Builder == nil {
		opts.Builder = gobuild.New("", Instrumentation)
	}
	if opts.MaxLines <= 0 {
		opts.MaxLines = DefaultMaxLines
	}
	opts.Limits = opts.Limits.withDefaults()
	if spec.Engine != GoToolchain && len(opts.Command) == 0 {
		return nil, errors.New("run: no command to start a child (Options.Command)")
	}
	if spec.Addr == "" && spec.Server != nil {
		addr, err := listenwait.FreePort(spec.Network)
		if err != nil {
			return nil, fmt.Errorf("run: %w", err)
		}
		spec.Addr = addr
	}
	s := &Session{ready: make(chan struct{}), done: make(chan struct{}), serverDone: make(chan struct{})}
	r := &run{
		spec:    spec,
		opts:    opts,
		start:   event.Now(),
		msgs:    make(chan message, 256),
		res:     &Result{Addr: spec.Addr, Exits: map[event.Side]Exit{}, Engine: spec.Engine},
		procs:   map[event.Side]*process{},
		exited:  map[event.Side]bool{},
		lines:   map[event.Side]int{},
		last:    map[event.Side]event.Event{},
		exiting: map[event.Side]bool{},
		session: s,
	}
	r.order = newOrderer(r.start, opts.OnEvent)
	r.res.Start = r.start
	s.r = r

	// The run's time starts when its first program starts: a build with
	// the Go compiler before that is bounded by StartupLimit instead.
	ctx, cancelTimeout := context.WithCancelCause(ctx)
	startup := time.AfterFunc(StartupLimit, func() { cancelTimeout(errStartup) })
	var runTimer *time.Timer
	var armOnce sync.Once
	r.armTimeout = func() {
		armOnce.Do(func() {
			if startup.Stop() && spec.Timeout > 0 {
				runTimer = time.AfterFunc(spec.Timeout, func() { cancelTimeout(errTimedOut) })
			}
		})
	}
	stopTimers := func() {
		startup.Stop()
		armOnce.Do(func() {}) // no timer after this
		if runTimer != nil {
			runTimer.Stop()
		}
		cancelTimeout(nil)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	s.cancel = cancel
	go func() {
		defer stopTimers()
		err := r.execute(ctx)
		r.killAll()
		r.drain()
		r.res.Events = r.order.finish()
		s.err = err
		close(s.done)
		r.markReady() // after done, so that Start sees err
	}()
	<-s.ready
	select {
	case <-s.done:
		if s.err != nil {
			return nil, s.err
		}
	default:
	}
	return s, nil
}

// Addr is where the server listens.
func (s *Session) Addr() string { return s.r.spec.Addr }

// ServerPID is the process id of the server (its child process).
func (s *Session) ServerPID() int { return s.serverPID }

// Log adds an event from the caller's side of the conversation (a
// checker's client, say) to the transcript.
func (s *Session) Log(ev event.Event) {
	select {
	case <-s.done:
	default:
		s.r.order.add(ev, ev.Time) // dropped if the run has just ended
	}
}

// ServerExit waits for the server to end, or ctx, and returns its exit
// status; a server stopped by the runner reports -1.
func (s *Session) ServerExit(ctx context.Context) (int, error) {
	select {
	case <-s.serverDone:
		return s.r.serverExit, nil
	case <-ctx.Done():
		return 0, fmt.Errorf("wait for the server to exit: %w", ctx.Err())
	}
}

// Done is closed when the run is over.
func (s *Session) Done() <-chan struct{} { return s.done }

// Stop ends the run, stopping what still runs, and returns the result.
// Programs stopped this way are not failures.
func (s *Session) Stop() *Result {
	s.cancel(errStopped)
	return s.Wait()
}

// Wait waits for the run to end and returns the result.
func (s *Session) Wait() *Result {
	<-s.done
	return s.r.res
}

// markReady tells Start to return; safe to call more than once.
func (r *run) markReady() {
	if !r.readyMarked {
		r.readyMarked = true
		close(r.session.ready)
	}
}

// execute starts the server, waits for it to listen, starts the client
// and follows both until the run is over.
func (r *run) execute(ctx context.Context) error {
	for _, n := range r.spec.notes {
		r.order.add(n, event.Now())
	}
	if r.spec.Server == nil {
		return r.clientAlone(ctx)
	}
	server, err := r.startSide(ctx, event.Server, r.spec.Server, r.spec.Addr, nil, false)
	if err != nil || server == nil { // nil: it did not build
		return err
	}
	r.session.serverPID = server.cmd.Process.Pid
	// The client's process starts now, so that its start-up (and its
	// build, if it has one) overlaps the server's; its program runs once
	// the server listens.
	var client *process
	redirect := map[string]string{}
	if r.spec.Client != nil && r.spec.Faults.Active() {
		rl, err := r.startRelay(ctx)
		if err != nil {
			return err
		}
		defer rl.Close()
		redirect[r.spec.Addr] = rl.Addr()
	}
	if r.spec.Client != nil {
		if client, err = r.startSide(ctx, event.Client, r.spec.Client, r.spec.Addr, redirect, true); err != nil || client == nil {
			return err
		}
	}
	if !r.waitListening(ctx) {
		return nil
	}
	r.markReady()
	if r.spec.Client == nil {
		r.follow(ctx, func() bool { return r.exited[event.Server] })
		return nil
	}
	client.start()
	go client.feed(ctx, r.input())
	r.follow(ctx, func() bool { return r.exited[event.Client] })
	if r.stopped {
		return nil
	}
	r.finishServer(ctx)
	return nil
}

// input is the client's input, reported line by line when asked to.
func (r *run) input() io.Reader {
	if r.spec.Input == nil || !r.spec.ShowInput {
		return r.spec.Input
	}
	pr, pw := io.Pipe()
	go func() {
		sc := bufio.NewScanner(r.spec.Input)
		for sc.Scan() {
			r.order.add(event.Event{Side: event.Client, Kind: event.Stdin, Text: sc.Text()}, event.Now())
			if _, err := pw.Write(append(sc.Bytes(), '\n')); err != nil {
				return
			}
		}
		pw.CloseWithError(sc.Err())
	}()
	return pr
}

// clientAlone runs a client program with no server of ours: it talks to
// whatever the caller set up, with exactly the arguments it was given.
func (r *run) clientAlone(ctx context.Context) error {
	client, err := r.startSide(ctx, event.Client, r.spec.Client, "", nil, true)
	if err != nil || client == nil {
		return err
	}
	r.markReady()
	client.start()
	go client.feed(ctx, r.input())
	r.follow(ctx, func() bool { return r.exited[event.Client] })
	return nil
}

// startSide starts one program, or records why it could not be built.
func (r *run) startSide(ctx context.Context, side event.Side, p *Program, addr string, redirect map[string]string, stdin bool) (*process, error) {
	args := p.Args
	if addr != "" {
		args = append([]string{"-addr", addr}, p.Args...)
	}
	sp := procSpec{side: side, stdin: stdin, early: side == event.Client && r.spec.Server != nil, limits: r.opts.Limits, dir: r.opts.Dir}
	engine := r.spec.Engine
	if p.Engine != "" {
		engine = p.Engine
	}
	cfg := &childproto.Config{Side: side, Path: mainPath(*p), Args: args, Redirect: redirect, Engine: string(engine), BuildCache: r.opts.Builder.Cache()}
	if engine == GoToolchain {
		bin, err := r.opts.Builder.Build(ctx, p.Files, mainPath(*p))
		var compileErr *gobuild.CompileError
		switch {
		case errors.As(err, &compileErr):
			r.fail(side, Compile, compileErr.Message)
			return nil, nil
		case err != nil:
			return nil, fmt.Errorf("run %s: %w", side, err)
		}
		sp.argv = append([]string{bin}, args...)
		sp.native = true
	} else {
		cfg.Files = map[string]string{}
		for name, b := range p.Files {
			cfg.Files[name] = string(b)
		}
		sp.argv = r.opts.Command
	}
	sp.config = cfg
	proc, err := startProcess(sp, r.msgs)
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	r.procs[side] = proc
	return proc, nil
}

// mainPath is the path of the file the interpreter starts from.
func mainPath(p Program) string {
	if path.Base(p.Path) == p.mainFile() {
		return p.Path
	}
	return path.Join(p.Path, p.mainFile())
}

// waitListening follows the server until it listens on its address.
func (r *run) waitListening(ctx context.Context) bool {
	r.follow(ctx, func() bool { return r.listening || r.exited[event.Server] })
	if r.stopped {
		return false
	}
	if !r.listening {
		r.serverGone()
		return false
	}
	return true
}

// serverGone records a server that ended before it listened.
func (r *run) serverGone() {
	if len(r.res.Failures) > 0 {
		return // the reason is already known (compile error, panic…)
	}
	code := r.res.Exits[event.Server].Code
	r.fail(event.Server, NeverListens, fmt.Sprintf("the server exited (status %d) before it listened on %s: it must listen on the address given by its -addr flag", code, r.spec.Addr))
}

// follow handles messages until done reports true, the run is stopped,
// or ctx ends.
func (r *run) follow(ctx context.Context, done func() bool) {
	for !done() && !r.stopped {
		select {
		case m := <-r.msgs:
			r.handle(m)
		case <-ctx.Done():
			r.timedOut(ctx)
			return
		}
	}
}

// finishServer waits, briefly, for the server to finish what it does
// after the client has gone, then stops it.
func (r *run) finishServer(ctx context.Context) {
	// A server back in Accept (or ReadFrom) with no connection open has
	// nothing more to say; one whose program has ended is only exiting.
	// Without socket events (go engine), or for a server that never
	// closes its connections, a quiet spell ends the wait: a spell in
	// which no message came and the server had no thread that ran or
	// waited to run (on a busy machine a server may be slow, not done).
	const quiet = 100 * time.Millisecond
	limit := time.NewTimer(5 * time.Second)
	defer limit.Stop()
	idle := time.NewTimer(quiet)
	defer idle.Stop()
	for !r.exited[event.Server] && !r.stopped {
		if r.waiting && r.openConns <= 0 && !r.exiting[event.Server] {
			// A last short drain keeps lines still on their way.
			r.drainFor(5 * time.Millisecond)
			return
		}
		select {
		case m := <-r.msgs:
			r.handle(m)
			if m.side == event.Server {
				idle.Reset(quiet)
			}
		case <-idle.C:
			switch {
			case r.exiting[event.Server]:
				// Its program has ended: wait for the process's end.
			case r.handlePending(event.Server), running(r.procs[event.Server].cmd.Process.Pid):
				idle.Reset(quiet)
			default:
				return
			}
		case <-limit.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// handlePending handles the messages already waiting, which a busy
// machine may have delayed, and reports whether one came from side.
func (r *run) handlePending(side event.Side) bool {
	from := false
	for {
		select {
		case m := <-r.msgs:
			r.handle(m)
			from = from || m.side == side
		default:
			return from
		}
	}
}

// drainFor handles messages that arrive within d.
func (r *run) drainFor(d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case m := <-r.msgs:
			r.handle(m)
		case <-t.C:
			return
		}
	}
}

// timedOut records the end of ctx: the user's interrupt or the timeout.
func (r *run) timedOut(ctx context.Context) {
	if r.stopped {
		return
	}
	if errors.Is(context.Cause(ctx), errStopped) {
		r.stopped = true
		r.killAll()
		return
	}
	if errors.Is(context.Cause(ctx), context.Canceled) {
		r.fail(event.Runner, Interrupted, "interrupted: both programs stopped")
		return
	}
	if errors.Is(context.Cause(ctx), errStartup) {
		r.fail(event.Runner, Timeout, fmt.Sprintf("the programs did not start within %s: the Go compiler's build took too long, or the machine is overloaded; stopped", StartupLimit))
		return
	}
	var still, doing []string
	for _, side := range []event.Side{event.Server, event.Client} {
		if r.procs[side] != nil && !r.exited[side] {
			still = append(still, string(side))
			if last, ok := r.last[side]; ok {
				doing = append(doing, fmt.Sprintf("the %s's last event: %s", side, lastWords(last)))
			}
		}
	}
	who := strings.Join(still, " and ")
	if who == "" {
		who = "the run"
	}
	msg := fmt.Sprintf("timed out after %s with %s still running, and stopped: an endless loop, or waiting for something that never comes?", r.spec.Timeout, who)
	if len(doing) > 0 {
		msg += " (" + strings.Join(doing, "; ") + ")"
	}
	msg += " --timeout sets the limit."
	if r.procs[event.Server] != nil && !r.listening {
		msg = fmt.Sprintf("timed out after %s: the server never listened on %s (does it use the -addr flag?); stopped", r.spec.Timeout, r.spec.Addr)
		r.fail(event.Server, NeverListens, msg)
		return
	}
	side := event.Runner
	if len(still) == 1 {
		side = event.Side(still[0])
	}
	r.fail(side, Timeout, msg)
}

// handle takes one message from a process.
func (r *run) handle(m message) {
	if m.exit != nil {
		r.exited[m.side] = true
		r.res.Exits[m.side] = Exit{Code: m.exit.code, Killed: m.exit.killed, MaxRSS: m.exit.maxRSS}
		if m.side == event.Server {
			r.serverExit = m.exit.code
			if m.exit.killed {
				r.serverExit = -1
			}
			close(r.session.serverDone)
		}
		r.ended(m)
		return
	}
	ev := m.ev
	ev.Side = m.side
	r.last[m.side] = ev
	switch ev.Kind {
	case event.Stdout, event.Stderr:
		r.lines[m.side]++
		if r.lines[m.side] == r.opts.MaxLines+1 {
			r.fail(m.side, Flood, fmt.Sprintf("printed more than %d lines: stopped (the transcript keeps the first %d)", r.opts.MaxLines, r.opts.MaxLines))
			return
		}
		if r.lines[m.side] > r.opts.MaxLines {
			return
		}
	case event.Start:
		if m.side == event.Server || r.spec.Server == nil {
			r.armTimeout()
		}
	case event.Listen:
		if m.side == event.Server && !r.listening {
			r.checkListen(ev)
		}
	case event.Waiting:
		if m.side == event.Server {
			r.waiting = true
		}
		r.order.add(ev, m.t) // kept for ordering; layouts hide it
		return
	case event.Accept:
		if m.side == event.Server {
			r.openConns++
		}
	case event.Close:
		if m.side == event.Server && ev.Conn > 0 {
			r.openConns--
		}
	case event.Failure:
		reason, text := childproto.FailureReason(ev), ev.Text
		if breach := r.opts.Limits.stoppedBy(text); reason == Panic && breach != "" {
			reason, text = Limit, breach
		}
		r.failAt(m.t, m.side, reason, text)
		return
	case event.Exit:
		// The program has ended and its process is exiting: the process's
		// own exit message will say so, with the real status.
		r.exiting[m.side] = true
		return
	}
	if m.side == event.Server && ev.Kind != event.Waiting {
		r.waiting = false
	}
	r.order.add(ev, m.t)
}

// checkListen accepts the server's first listener if it is on the address
// the server was given, and fails the run if it is not. Either way the
// caller adds the listen event itself.
func (r *run) checkListen(ev event.Event) {
	_, wantPort, _ := net.SplitHostPort(r.spec.Addr)
	host, port, err := net.SplitHostPort(ev.Addr)
	if err == nil && port == wantPort {
		r.listening = true
		if ip := net.ParseIP(host); ip != nil && !ip.IsLoopback() && !ip.IsUnspecified() {
			r.note(event.Server, "listening on "+ev.Addr+", not on loopback")
		}
		return
	}
	r.fail(event.Server, WrongAddr, fmt.Sprintf("the server listened on %s, but it was given -addr %s: listen on the address from the -addr flag", ev.Addr, r.spec.Addr))
}

// ended records how a process ended.
func (r *run) ended(m message) {
	st := m.exit
	text := fmt.Sprintf("exit status %d", st.code)
	switch {
	case st.breach != "":
		text = "stopped by sockbook: over a limit"
	case st.killed:
		text = "stopped by sockbook"
	case st.code == childproto.CodeCompile:
		text = "not run: it does not compile"
	case st.code == -1:
		text = "killed by a signal"
	}
	r.order.add(event.Event{Side: m.side, Kind: event.Exit, Code: st.code, Text: text}, m.t)
	if st.breach != "" && !r.stopped {
		r.fail(m.side, Limit, st.breach)
		return
	}
	if st.killed || r.stopped {
		return
	}
	if st.crash != "" {
		where := "in a goroutine"
		if r.procs[m.side] != nil && r.procs[m.side].native {
			where = ""
		}
		crash := strings.TrimSuffix(st.crash, " [recovered, repanicked]")
		msg := strings.ReplaceAll("crashed "+where+": "+crash, "  ", " ")
		r.fail(m.side, Panic, msg)
		return
	}
	if st.code == childproto.CodeCompile || st.code == childproto.CodePanic && r.hasFailure(m.side) {
		return // already reported with its details
	}
	if st.code != 0 {
		r.fail(m.side, ExitStatus, fmt.Sprintf("exited with status %d", st.code))
	}
}

func (r *run) hasFailure(side event.Side) bool {
	for _, f := range r.res.Failures {
		if f.Side == side {
			return true
		}
	}
	return false
}

// fail records a failure that happens now; a failure of a kind that must
// stop the run stops it.
func (r *run) fail(side event.Side, reason Reason, msg string) {
	r.failAt(event.Now(), side, reason, msg)
}

// failAt records a failure that happened at t.
func (r *run) failAt(t time.Duration, side event.Side, reason Reason, msg string) {
	r.res.Failures = append(r.res.Failures, Failure{Side: side, Reason: reason, Message: msg})
	r.order.add(event.Event{Side: side, Kind: event.Failure, Err: string(reason), Text: msg}, t)
	switch reason {
	case ExitStatus:
		return // the other side may still have things to say
	}
	r.stopped = true
	r.killAll()
}

// note adds a message from the runner.
func (r *run) note(side event.Side, text string) {
	r.order.add(event.Event{Side: side, Kind: event.Note, Text: text}, event.Now())
}

// killAll stops every process that is still running.
func (r *run) killAll() {
	for side, p := range r.procs {
		if !r.exited[side] {
			p.kill()
		}
	}
}

// drain waits for every started process to report its end, so that none
// is left running and no message is lost.
func (r *run) drain() {
	deadline := time.NewTimer(5 * time.Second)
	defer deadline.Stop()
	for {
		pending := false
		for side := range r.procs {
			if !r.exited[side] {
				pending = true
			}
		}
		if !pending {
			return
		}
		select {
		case m := <-r.msgs:
			r.handle(m)
		case <-deadline.C:
			fmt.Fprintln(os.Stderr, "sockbook: a child process did not end after being killed")
			return
		}
	}
}

// startRelay puts the fault relay in front of the server.
func (r *run) startRelay(ctx context.Context) (*relay.Relay, error) {
	emit := func(ev event.Event) { r.order.add(ev, ev.Time) }
	var rl *relay.Relay
	var err error
	if strings.HasPrefix(r.spec.Network, "udp") {
		rl, err = relay.StartUDP(ctx, r.spec.Addr, r.spec.Faults, emit)
	} else {
		rl, err = relay.StartTCP(ctx, r.spec.Addr, r.spec.Faults, emit)
	}
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	return rl, nil
}

// lastWords describes an event for a timeout's message.
func lastWords(ev event.Event) string {
	switch ev.Kind {
	case event.Waiting:
		return "waiting in " + ev.Text
	case event.Read, event.ReadFrom:
		return fmt.Sprintf("read %d bytes", ev.Bytes)
	case event.Write, event.WriteTo:
		return fmt.Sprintf("wrote %d bytes", ev.Bytes)
	case event.Stdout, event.Stderr:
		return fmt.Sprintf("printed %q", ev.Text)
	}
	return string(ev.Kind) + " " + ev.Text
}
