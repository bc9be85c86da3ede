package check

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"sockbook/runner"
	"sockbook/runner/event"
	"sockbook/runner/gobuild"
	"sockbook/runner/relay"
)

// Options say how to check a program.
type Options struct {
	// Command starts a child process (see runner.Options.Command).
	Command []string
	// Engine runs the learner's program; empty means the interpreter.
	Engine runner.Engine
	// OnScenario, if set, receives each scenario's result as it ends.
	OnScenario func(ScenarioResult)
	// Only, if set, runs just the scenarios with these names.
	Only []string
	// Connect, if set, checks a server already running at this address
	// instead of starting the program; Local scenarios are skipped.
	Connect string
	// Limits bound what the program may use (see runner.Limits).
	Limits runner.Limits
	// Builder builds programs with the Go compiler (engines go and auto);
	// nil makes one per run.
	Builder *gobuild.Builder
	// Dir is the program's working folder; empty means the current one.
	Dir string
}

// Report is the outcome of checking one program against an exercise.
type Report struct {
	Exercise string `json:"exercise"`
	Program  string `json:"program"`
	Pass     bool   `json:"pass"`
	// Compiled says why the program ran with the Go compiler (the auto
	// engine's fallback), if it did.
	Compiled  string           `json:"compiled,omitempty"`
	Scenarios []ScenarioResult `json:"scenarios"`
}

// ScenarioResult is one scenario's verdict.
type ScenarioResult struct {
	Name     string        `json:"name"`
	Doc      string        `json:"doc"`
	Pass     bool          `json:"pass"`
	Skipped  bool          `json:"skipped,omitempty"`
	Duration time.Duration `json:"-"`
	Seconds  float64       `json:"seconds"`
	// What, Expected and Got explain a failure.
	What     string `json:"what,omitempty"`
	Expected string `json:"expected,omitempty"`
	Got      string `json:"got,omitempty"`
	// Events is the transcript of the scenario: the learner's program and
	// the checker's side.
	Events []event.Event `json:"-"`
}

// Run checks prog against every scenario of ex, each with a fresh run of
// the program under the runner. It returns an error only when the checker
// itself cannot work.
func Run(ctx context.Context, ex Exercise, prog runner.Program, opts Options) (*Report, error) {
	rep := &Report{Exercise: ex.ID, Program: prog.Path, Pass: true}
	if opts.Connect != "" {
		if ex.Role != ServerRole {
			return nil, fmt.Errorf("check %s: --connect checks a running server, and %s is a %s exercise", ex.ID, ex.ID, ex.Role)
		}
		rep.Program = opts.Connect
	}
	if opts.Connect == "" {
		if err := findNeeds(ex); err != nil {
			return nil, err
		}
	}
	var stop string // set when no later scenario can pass (the program does not compile)
	for _, sc := range ex.Scenarios {
		if len(opts.Only) > 0 && !contains(opts.Only, sc.Name) {
			continue
		}
		var res ScenarioResult
		switch {
		case stop != "":
			res = ScenarioResult{Name: sc.Name, Doc: sc.Doc, Skipped: true, What: stop}
		case opts.Connect != "" && sc.Local:
			res = ScenarioResult{Name: sc.Name, Doc: sc.Doc, Pass: true, Skipped: true, What: "skipped: it needs a server the checker starts itself"}
		case opts.Connect != "":
			start := time.Now()
			res = runRemoteScenario(ctx, sc, opts.Connect)
			res.Duration = time.Since(start)
		default:
			var err error
			start := time.Now()
			res, err = runScenario(ctx, ex, sc, prog, opts)
			if err == nil && !res.Pass && opts.Engine == runner.Auto && prog.Engine == "" && ctx.Err() == nil {
				if crash := interpreterCrash(res.Events); crash != "" {
					// The crash may be the interpreter's own: this
					// scenario, and the ones after it, run compiled.
					prog.Engine = runner.GoToolchain
					rep.Compiled = "ran with the Go compiler: the interpreter crashed (" + crash + "), so the program was checked again compiled"
					res, err = runScenario(ctx, ex, sc, prog, opts)
				}
			}
			res.Duration = time.Since(start)
			if err != nil {
				return nil, err
			}
			if ctx.Err() != nil {
				return nil, fmt.Errorf("check %s: %w", ex.ID, ctx.Err())
			}
			if compileFailed(res.Events) {
				stop = "not run: the program does not compile"
			}
			if rep.Compiled == "" {
				rep.Compiled = compiledNote(res.Events)
			}
		}
		res.Seconds = res.Duration.Seconds()
		if !res.Pass {
			rep.Pass = false
		}
		rep.Scenarios = append(rep.Scenarios, res)
		if opts.OnScenario != nil {
			opts.OnScenario(res)
		}
	}
	return rep, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// interpreterCrash returns the first line of the panic of the learner's
// program, if it crashed while interpreted (not compiled), or "".
func interpreterCrash(events []event.Event) string {
	if compiledNote(events) != "" {
		return ""
	}
	for _, ev := range events {
		if ev.Kind == event.Failure && ev.Err == string(runner.Panic) && (ev.Side == event.Server || ev.Side == event.Client) {
			line, _, _ := strings.Cut(ev.Text, "\n")
			return line
		}
	}
	return ""
}

// compiledNote returns the note that the auto engine ran the learner's
// program with the Go compiler, or "".
func compiledNote(events []event.Event) string {
	for _, ev := range events {
		if ev.Kind == event.Note && (ev.Side == event.Server || ev.Side == event.Client) && strings.HasPrefix(ev.Text, "ran with the Go compiler") {
			return ev.Text
		}
	}
	return ""
}

func compileFailed(events []event.Event) bool {
	for _, ev := range events {
		if ev.Kind == event.Failure && ev.Err == string(runner.Compile) {
			return true
		}
	}
	return false
}

// runScenario runs one scenario with a fresh program.
func runScenario(ctx context.Context, ex Exercise, sc Scenario, prog runner.Program, opts Options) (ScenarioResult, error) {
	res := ScenarioResult{Name: sc.Name, Doc: sc.Doc}
	timeout := sc.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	dir, err := os.MkdirTemp("", "sockbook-check-")
	if err != nil {
		return res, fmt.Errorf("check %s: %w", ex.ID, err)
	}
	defer os.RemoveAll(dir)
	env := &Env{Dir: dir}

	if ex.Role == ClientRole {
		return runClientScenario(ctx, sc, prog, opts, env, timeout, res)
	}

	if ex.ServerArgs != nil {
		prog.Args = ex.ServerArgs(env)
	}
	sess, err := runner.Start(ctx, runner.Spec{
		Server:  &prog,
		Network: ex.Network,
		Timeout: timeout + 5*time.Second, // the scenario's own bound comes first
		Engine:  opts.Engine,
	}, runner.Options{Command: opts.Command, Limits: opts.Limits, Builder: opts.Builder, Dir: opts.Dir})
	if err != nil {
		return res, fmt.Errorf("check %s: %w", ex.ID, err)
	}
	var relays []*relay.Relay
	env.Addr = sess.Addr()
	env.Log = func(ev event.Event) {
		if ev.Side == "" {
			ev.Side = event.Client
		}
		if ev.Time == 0 {
			ev.Time = event.Now()
		}
		sess.Log(ev)
	}
	env.ServerExit = sess.ServerExit
	if pid := sess.ServerPID(); pid > 0 {
		env.ServerRSS = func() (int64, error) { return procStatus(pid, "VmRSS") }
		env.ServerVM = func() (int64, error) { return procStatus(pid, "VmData") }
	}
	env.Relay = func(plan relay.Plan) (string, error) {
		rl, err := relay.StartTCP(ctx, sess.Addr(), plan, env.Log)
		if err != nil {
			return "", err
		}
		relays = append(relays, rl)
		return rl.Addr(), nil
	}

	if !listening(sess) {
		r := sess.Wait()
		res.Events = r.Events
		failAsRun(&res, r)
		return res, nil
	}
	sctx, cancel := context.WithTimeout(ctx, timeout)
	runErr := sc.Run(sctx, env)
	cancel()
	for _, rl := range relays {
		rl.Close()
	}
	r := sess.Stop()
	res.Events = r.Events
	judge(&res, runErr, r)
	return res, nil
}

// runRemoteScenario plays a scenario against a server someone else runs.
func runRemoteScenario(ctx context.Context, sc Scenario, addr string) ScenarioResult {
	res := ScenarioResult{Name: sc.Name, Doc: sc.Doc}
	start := event.Now()
	env := &Env{Addr: addr, Log: func(ev event.Event) {
		if ev.Side == "" {
			ev.Side = event.Client
		}
		if ev.Time == 0 {
			ev.Time = event.Now()
		}
		ev.Time -= start
		res.Events = append(res.Events, ev)
	}}
	timeout := sc.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	sctx, cancel := context.WithTimeout(ctx, timeout)
	err := sc.Run(sctx, env)
	cancel()
	judge(&res, err, &runner.Result{})
	return res
}

// listening reports whether a started session's server is up; a session
// that ended before listening is done already.
func listening(s *runner.Session) bool {
	select {
	case <-s.Done():
		return false
	default:
		return true
	}
}

// runClientScenario runs a client exercise's scenario: the scenario plays
// the server and runs the learner's client through env.RunClient.
func runClientScenario(ctx context.Context, sc Scenario, prog runner.Program, opts Options, env *Env, timeout time.Duration, res ScenarioResult) (ScenarioResult, error) {
	var checker []event.Event
	var last *runner.Result
	env.Log = func(ev event.Event) {
		if ev.Side == "" {
			ev.Side = event.Server
		}
		if ev.Time == 0 {
			ev.Time = event.Now()
		}
		checker = append(checker, ev)
	}
	env.RunClient = func(ctx context.Context, args []string) (ClientResult, error) {
		p := prog
		p.Args = args
		r, err := runner.Run(ctx, runner.Spec{Client: &p, Timeout: timeout, Engine: opts.Engine}, runner.Options{Command: opts.Command, Limits: opts.Limits, Builder: opts.Builder, Dir: opts.Dir})
		if err != nil {
			return ClientResult{}, err
		}
		last = r
		cr := ClientResult{Code: r.Exits[event.Client].Code}
		var out, errs []string
		for _, ev := range r.Events {
			switch {
			case ev.Side == event.Client && ev.Kind == event.Stdout:
				out = append(out, ev.Text)
			case ev.Side == event.Client && ev.Kind == event.Stderr:
				errs = append(errs, ev.Text)
			}
		}
		if len(out) > 0 {
			cr.Stdout = strings.Join(out, "\n") + "\n"
		}
		if len(errs) > 0 {
			cr.Stderr = strings.Join(errs, "\n") + "\n"
		}
		if !r.OK() {
			if f, ok := firstFatal(r); ok {
				return cr, errors.New(f.Message)
			}
		}
		return cr, nil
	}
	sctx, cancel := context.WithTimeout(ctx, timeout)
	runErr := sc.Run(sctx, env)
	cancel()
	if last != nil {
		res.Events = mergeEvents(last, checker)
	}
	r := last
	if r == nil {
		r = &runner.Result{}
	}
	judge(&res, runErr, r)
	return res, nil
}

// mergeEvents puts the checker's own events, stamped on event.Now's
// clock, among a run's, in time order.
func mergeEvents(r *runner.Result, checker []event.Event) []event.Event {
	all := append([]event.Event(nil), r.Events...)
	for _, ev := range checker {
		ev.Time -= r.Start
		all = append(all, ev)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Time < all[j].Time })
	return all
}

// firstFatal returns the failure of a run that says the program itself
// broke (did not compile, panicked, timed out, flooded).
func firstFatal(r *runner.Result) (runner.Failure, bool) {
	for _, f := range r.Failures {
		switch f.Reason {
		case runner.Compile, runner.Panic, runner.Timeout, runner.Flood, runner.NeverListens, runner.WrongAddr:
			return f, true
		}
	}
	return runner.Failure{}, false
}

// judge turns a scenario's error and the run's result into a verdict.
func judge(res *ScenarioResult, runErr error, r *runner.Result) {
	if f, ok := firstFatal(r); ok {
		res.What = fmt.Sprintf("the program failed: %s", f.Message)
		if runErr != nil {
			res.What += " (and: " + runErr.Error() + ")"
		}
		return
	}
	if runErr == nil {
		res.Pass = true
		return
	}
	var fail *Failure
	if errors.As(runErr, &fail) {
		res.What, res.Expected, res.Got = fail.What, fail.Expected, fail.Got
		return
	}
	res.What = runErr.Error()
}

// failAsRun explains a program that ended before the scenario could start.
func failAsRun(res *ScenarioResult, r *runner.Result) {
	if f, ok := firstFatal(r); ok {
		res.What = f.Message
		return
	}
	for _, f := range r.Failures {
		res.What = f.Message
		return
	}
	res.What = "the server ended before the scenario could start"
}

// procStatus reads one memory figure, in bytes, from /proc/PID/status.
func procStatus(pid int, field string) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read %s of process %d: %w", field, pid, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || name != field {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			break
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("read %s of process %d: %w", field, pid, err)
		}
		return kb * 1024, nil
	}
	return 0, fmt.Errorf("read %s of process %d: not found", field, pid)
}
