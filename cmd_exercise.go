package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"sockbook/content/render"
	"sockbook/runner"
	"sockbook/runner/check"
	"sockbook/runner/check/workspace"
	"sockbook/runner/event"
	"sockbook/runner/transcript"
	"sockbook/solutions"
)

// exerciseIDs lists the exercise ids for messages.
func exerciseIDs() string {
	var ids []string
	for _, ex := range check.All() {
		ids = append(ids, ex.ID)
	}
	return strings.Join(ids, ", ")
}

// parseExercise parses the arguments of a command that takes one
// exercise id; done is set with the exit status when it should stop here.
func parseExercise(env *cliEnv, fs *flag.FlagSet, args []string) (ex check.Exercise, code int, done bool) {
	pos, code, done := parse(fs, args)
	if done {
		return ex, code, true
	}
	if len(pos) != 1 {
		fs.Usage()
		return ex, exitUsage, true
	}
	ex, ok := findExercise(env, fs.Name(), pos[0])
	if !ok {
		return ex, exitUsage, true
	}
	return ex, 0, false
}

func findExercise(env *cliEnv, cmd, id string) (check.Exercise, bool) {
	ex, err := check.Find(id)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook %s: no exercise %q (exercises: %s)\n", cmd, id, exerciseIDs())
		return check.Exercise{}, false
	}
	return ex, true
}

// loadProgress opens the workspace around the current folder, if any.
func loadProgress(env *cliEnv) (workspace.Workspace, *workspace.Progress, bool) {
	w, ok := workspace.Find(".")
	if !ok {
		return w, nil, false
	}
	p, err := w.Load()
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook: %v\n", err)
		if p == nil {
			return w, nil, false
		}
	}
	return w, p, true
}

func cmdInit(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "init", `
Usage: sockbook init DIR [--ci github]

Creates a workspace in DIR: one starter program per exercise, in
DIR/exercises/<id>/main.go, a go.mod (so that editors, go vet and go run
work there), and a progress file, DIR/sockbook.json. Existing files are
never overwritten, so running it again is safe: it adds what is missing.
--ci github also writes a GitHub Actions workflow that checks every
exercise on each push, with a JUnit report.`)
	ci := fs.String("ci", "", "also write a CI workflow: github")
	lang := addLangFlag(fs, env)
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	var starters []workspace.Starter
	for _, ex := range check.All() {
		src, err := solutions.Starter(ex.ID)
		if err != nil {
			fmt.Fprintf(env.stderr, "sockbook init: %v\n", err)
			return exitFailed
		}
		starters = append(starters, workspace.Starter{ID: ex.ID, Source: src})
	}
	mod, err := workspace.GoMod(runtime.Version())
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook init: %v\n", err)
		return exitFailed
	}
	files := []workspace.File{mod}
	switch *ci {
	case "":
	case "github":
		files = append(files, workspace.GitHubWorkflow())
	default:
		fmt.Fprintf(env.stderr, "sockbook init: no CI workflow for %q (there is one for: github)\n", *ci)
		return exitUsage
	}
	_, wrote, err := workspace.Init(pos[0], starters, files...)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook init: %v\n", err)
		return exitFailed
	}
	t := lang.texts()
	for _, p := range wrote {
		fmt.Fprintf(env.stdout, t.initWrote, p)
	}
	if len(wrote) == 0 {
		fmt.Fprintf(env.stdout, t.initNothing, pos[0])
	}
	if *ci == "github" {
		fmt.Fprintf(env.stdout, "\nBefore the workflow can run, set SOCKBOOK_MODULE at the top of %s to where sockbook is installed from.\n", filepath.FromSlash(workspace.GitHubWorkflowPath))
	}
	fmt.Fprintf(env.stdout, t.initNext, pos[0], starters[0].ID, starters[0].ID)
	return exitOK
}

func cmdCheck(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "check", `
Usage: sockbook check EXERCISE [FILE] [flags]
       sockbook check --all [WORKSPACE] [--json] [--junit FILE]

Runs your program (FILE, or exercises/EXERCISE/main.go in this workspace)
through the exercise's scenarios and prints a verdict for each. --all
checks every exercise of a workspace, as many at once as there are cores
(for a class's CI; --junit writes a report CI servers show as test
results). The verdicts are explained in English or Chinese (--lang);
--json is always English.
Exit status: 0 all pass, 1 a scenario fails, 2 misuse.`)
	asJSON := fs.Bool("json", false, "print the verdicts as JSON")
	engine := addEngineFlag(fs)
	limits := addLimitFlags(fs)
	noColor := fs.Bool("no-color", false, "no colours")
	width := fs.Int("width", 0, "width in columns")
	scenarios := fs.String("scenario", "", "run only these scenarios (comma-separated names)")
	connect := fs.String("connect", "", "check a server already running at this address (scenarios that must start the server themselves are skipped)")
	all := fs.Bool("all", false, "check every exercise of the workspace (this folder, or WORKSPACE), as many at once as there are cores")
	junit := fs.String("junit", "", "with --all: also write the verdicts to this file as a JUnit XML report (for CI)")
	lang := addLangFlag(fs, env)
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	t := lang.texts()
	if *all {
		return checkAll(ctx, env, t, pos, *asJSON, *junit, check.Options{Command: env.child, Builder: env.builder, Engine: engine.engine, Limits: limits()})
	}
	if *junit != "" {
		fmt.Fprintln(env.stderr, "sockbook check: --junit goes with --all")
		return exitUsage
	}
	if len(pos) < 1 || len(pos) > 2 {
		fs.Usage()
		return exitUsage
	}
	ex, ok := findExercise(env, "check", pos[0])
	if !ok {
		return exitUsage
	}
	w, progress, inWorkspace := loadProgress(env)
	path := ""
	switch {
	case *connect != "":
		if len(pos) == 2 {
			fmt.Fprintln(env.stderr, "sockbook check: give a FILE or --connect, not both")
			return exitUsage
		}
		if ex.Role != check.ServerRole {
			fmt.Fprintf(env.stderr, "sockbook check: --connect checks a running server; %s is a client exercise\n", ex.ID)
			return exitUsage
		}
	case len(pos) == 2:
		path = pos[1]
	case inWorkspace:
		// The exercise's folder: a program may be several files.
		path = relativePath(filepath.Dir(w.ExercisePath(ex.ID)))
	default:
		fmt.Fprintf(env.stderr, "sockbook check: give the program to check (sockbook check %s FILE), or run it in a workspace (sockbook init DIR)\n", ex.ID)
		return exitUsage
	}
	var prog runner.Program
	if path != "" {
		var err error
		if prog, err = runner.LoadProgram(path); err != nil {
			fmt.Fprintf(env.stderr, "sockbook check: %v\n", err)
			return exitUsage
		}
	}
	opts := check.Options{Command: env.child, Builder: env.builder, Engine: engine.engine, Connect: *connect, Limits: limits()}
	if *scenarios != "" {
		opts.Only = strings.Split(*scenarios, ",")
	}
	color := env.term.color && !*noColor
	pal := newVerdictPalette(color)
	ct, err := solutions.Checks(lang.lang)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook check: %v\n", err) // explained in English, then
	}
	if !*asJSON {
		target := prog.Path
		if *connect != "" {
			target = fmt.Sprintf(t.checkServerAt, *connect)
		}
		printWrapped(env.stdout, env.term.displayWidth(*width), "", "  ", fmt.Sprintf(t.checkHeading, target, ex.ID, len(ex.Scenarios)), "", nil)
		opts.OnScenario = func(r check.ScenarioResult) { printScenarioLine(env.stdout, pal, r) }
	}
	rep, err := check.Run(ctx, ex, prog, opts)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook check: %v\n", err)
		return exitFailed
	}
	if len(rep.Scenarios) == 0 {
		fmt.Fprintf(env.stderr, "sockbook check: no scenario named %q\n", *scenarios)
		return exitUsage
	}
	if inWorkspace && len(pos) == 1 && len(opts.Only) == 0 && *connect == "" {
		progress.RecordCheck(ex.ID, rep.Pass, time.Now())
		if err := w.Save(progress); err != nil {
			fmt.Fprintf(env.stderr, "sockbook check: %v\n", err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(env.stderr, "sockbook check: %v\n", err)
			return exitFailed
		}
	} else {
		printCheckSummary(env, pal, t, ct, rep, env.term.displayWidth(*width), color)
	}
	if rep.Pass {
		return exitOK
	}
	return exitFailed
}

// relativePath returns path relative to the current folder when it lies
// below it (shorter in messages), else path itself.
func relativePath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return path
	}
	return rel
}

// verdictPalette colours check output.
type verdictPalette struct{ pass, fail, skip, dim func(string) string }

func newVerdictPalette(on bool) verdictPalette {
	mk := func(code string) func(string) string {
		if !on {
			return func(s string) string { return s }
		}
		return func(s string) string { return "\x1b[" + code + "m" + s + "\x1b[0m" }
	}
	return verdictPalette{pass: mk("32"), fail: mk("31;1"), skip: mk("33"), dim: mk("2")}
}

func printScenarioLine(w io.Writer, pal verdictPalette, r check.ScenarioResult) {
	mark, name := pal.pass("✔"), r.Name
	switch {
	case r.Skipped:
		mark = pal.skip("–")
	case !r.Pass:
		mark = pal.fail("✘")
	}
	fmt.Fprintf(w, "  %s %-28s %s\n", mark, name, pal.dim(fmt.Sprintf("%.2fs", r.Duration.Seconds())))
}

// printCheckSummary explains the first failure, with its transcript, and
// says what to do next, wrapped to width as the chapters are, in the
// language of t and ct.
func printCheckSummary(env *cliEnv, pal verdictPalette, t *texts, ct *solutions.CheckTexts, rep *check.Report, width int, color bool) {
	w := env.stdout
	say := func(first, rest, text string) { printWrapped(w, width, first, rest, text, "", nil) }
	passed, skipped := 0, 0
	var first *check.ScenarioResult
	for i := range rep.Scenarios {
		r := &rep.Scenarios[i]
		switch {
		case r.Skipped:
			skipped++
		case r.Pass:
			passed++
		case first == nil:
			first = r
		}
	}
	fmt.Fprintln(w)
	if rep.Compiled != "" {
		say("", "  ", rep.Compiled+".")
	}
	switch {
	case rep.Pass && skipped > 0:
		printWrapped(w, width, "", "", fmt.Sprintf(t.checkPassedSkipped, t.checkPassedLabel, passed, skipped), t.checkPassedLabel, pal.pass)
		return
	case rep.Pass:
		printWrapped(w, width, "", "", fmt.Sprintf(t.checkPassedAll, t.checkPassedLabel, passed, rep.Exercise), t.checkPassedLabel, pal.pass)
		return
	}
	printWrapped(w, width, "", "", fmt.Sprintf(t.checkFailedCount, t.checkFailedLabel, passed, len(rep.Scenarios)), t.checkFailedLabel, pal.fail)
	fmt.Fprintln(w)
	if first == nil {
		return
	}
	say("", "", fmt.Sprintf(t.checkFirstFailure, first.Name, ct.Scenario(rep.Exercise, first.Name, first.Doc)))
	say("  ", "  ", ct.Message(first.What))
	if first.Expected != "" || first.Got != "" {
		// Both labels as wide as the wider, so the two values line up.
		lw := max(render.VisibleWidth(t.checkExpected), render.VisibleWidth(t.checkGot))
		pad := func(label string) string { return label + strings.Repeat(" ", lw-render.VisibleWidth(label)) }
		indent := strings.Repeat(" ", 2+lw)
		say("  ", indent, pad(t.checkExpected)+ct.Message(first.Expected))
		say("  ", indent, pad(t.checkGot)+ct.Message(first.Got))
	}
	if len(first.Events) > 0 {
		fmt.Fprintln(w)
		say("", "", t.checkTranscript)
		transcript.Print(w, trimEvents(first.Events, 60, t), transcript.Options{Layout: transcript.Interleaved, Color: color, Width: width, Wire: true, Times: true})
	}
	fmt.Fprintln(w)
	say("", "", fmt.Sprintf(t.checkStuck, rep.Exercise, first.Name))
}

// printWrapped writes text wrapped to width columns: its first line after
// the prefix first, the others after rest. When text starts with label
// (a verdict such as "Passed:"), paint colours the label after the
// wrapping, so that colour never changes where a line breaks.
func printWrapped(w io.Writer, width int, first, rest, text, label string, paint func(string) string) {
	avail := max(width-max(render.VisibleWidth(first), render.VisibleWidth(rest)), 20)
	for i, line := range render.Wrap(text, avail) {
		prefix := rest
		if i == 0 {
			prefix = first
			if after, ok := strings.CutPrefix(line, label); ok && label != "" && paint != nil {
				line = paint(label) + after
			}
		}
		fmt.Fprintln(w, prefix+line)
	}
}

// trimEvents keeps the start and the end of a long transcript.
func trimEvents(evs []event.Event, n int, t *texts) []event.Event {
	if len(evs) <= n {
		return evs
	}
	head := evs[:n/2]
	tail := evs[len(evs)-n/2:]
	gap := event.Event{Side: event.Runner, Kind: event.Note, Time: tail[0].Time, Text: fmt.Sprintf(t.checkLeftOut, len(evs)-n)}
	out := append(append(append([]event.Event(nil), head...), gap), tail...)
	return out
}

func cmdHint(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "hint", `
Usage: sockbook hint EXERCISE

Shows the exercise's next hint; each call in a workspace shows one more.`)
	all := fs.Bool("all", false, "show every hint at once")
	lang := addLangFlag(fs, env)
	ex, code, done := parseExercise(env, fs, args)
	if done {
		return code
	}
	t := lang.texts()
	hints, err := solutions.HintsIn(lang.lang, ex.ID)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook hint: %v\n", err)
		return exitFailed
	}
	w, progress, inWorkspace := loadProgress(env)
	if !inWorkspace {
		progress = &workspace.Progress{} // outside a workspace, nothing is remembered
	}
	upTo := progress.NextHint(ex.ID, len(hints), *all)
	for i := 0; i < upTo; i++ {
		fmt.Fprintf(env.stdout, t.hintHeader, i+1, len(hints), hints[i])
	}
	switch {
	case upTo < len(hints) && inWorkspace:
		fmt.Fprintf(env.stdout, t.hintNext, ex.ID)
	case upTo < len(hints):
		fmt.Fprint(env.stdout, t.hintOutside)
	default:
		fmt.Fprintf(env.stdout, t.hintLast, ex.ID)
	}
	if inWorkspace {
		progress.RecordHints(ex.ID, upTo)
		if err := w.Save(progress); err != nil {
			fmt.Fprintf(env.stderr, "sockbook hint: %v\n", err)
		}
	}
	return exitOK
}

func cmdSolution(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "solution", `
Usage: sockbook solution EXERCISE

Shows the exercise's reference solution, once your program has passed
its check in this workspace (or with --force).`)
	force := fs.Bool("force", false, "show it even before a pass")
	ex, code, done := parseExercise(env, fs, args)
	if done {
		return code
	}
	_, progress, inWorkspace := loadProgress(env)
	if !*force && (!inWorkspace || !progress.Status(ex.ID).Passed) {
		fmt.Fprintf(env.stderr, "sockbook solution: pass `sockbook check %s` in your workspace first (or use --force)\n", ex.ID)
		return exitFailed
	}
	src, err := solutions.Reference(ex.ID)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook solution: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(env.stdout, "// solutions/%s/main.go — the reference solution of %s\n\n", ex.ID, ex.ID)
	env.stdout.Write(src)
	return exitOK
}

func cmdReset(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "reset", `
Usage: sockbook reset EXERCISE

Puts the starter program back in exercises/EXERCISE/main.go, replacing
your work (it asks first; --yes for scripts).`)
	yes := fs.Bool("yes", false, "do not ask")
	ex, code, done := parseExercise(env, fs, args)
	if done {
		return code
	}
	w, _, inWorkspace := loadProgress(env)
	if !inWorkspace {
		fmt.Fprintln(env.stderr, "sockbook reset: not in a workspace (sockbook init DIR makes one)")
		return exitUsage
	}
	path := w.ExercisePath(ex.ID)
	if !*yes {
		if !env.term.stdinTTY {
			fmt.Fprintf(env.stderr, "sockbook reset: this replaces %s; confirm with --yes\n", path)
			return exitUsage
		}
		fmt.Fprintf(env.stdout, "Replace %s with the starter? Your changes will be lost. [y/N] ", path)
		answer, _ := bufio.NewReader(env.stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			fmt.Fprintln(env.stdout, "Left as it was.")
			return exitOK
		}
	}
	src, err := solutions.Starter(ex.ID)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook reset: %v\n", err)
		return exitFailed
	}
	if err := w.Reset(workspace.Starter{ID: ex.ID, Source: src}); err != nil {
		fmt.Fprintf(env.stderr, "sockbook reset: %v\n", err)
		return exitFailed
	}
	rel, _ := filepath.Rel(".", path)
	fmt.Fprintf(env.stdout, "%s is the starter again.\n", rel)
	return exitOK
}

// checkAll checks every exercise of a workspace, as many at once as the
// machine has cores, and prints one line per exercise (or a JSON array of
// the reports); junit, if set, is where to write a JUnit report too.
func checkAll(ctx context.Context, env *cliEnv, t *texts, pos []string, asJSON bool, junit string, opts check.Options) int {
	dir := "."
	if len(pos) > 1 {
		fmt.Fprintln(env.stderr, "sockbook check --all: at most one workspace folder")
		return exitUsage
	}
	if len(pos) == 1 {
		dir = pos[0]
	}
	w, ok := workspace.Find(dir)
	if !ok {
		fmt.Fprintf(env.stderr, "sockbook check --all: %s is not in a workspace (sockbook init DIR makes one)\n", dir)
		return exitUsage
	}
	var jobs []checkJob
	for _, ex := range check.All() {
		jobs = append(jobs, checkJob{ex: ex, path: w.ExercisePath(ex.ID)})
	}
	verdicts := checkJobs(ctx, jobs, opts, nil, nil)
	if ctx.Err() != nil {
		fmt.Fprintln(env.stderr, "sockbook check --all: interrupted")
		return exitInt
	}
	pass := true
	var done []*check.Report
	for _, v := range verdicts {
		pass = pass && v.Status == statusPass
		switch {
		case v.report == nil:
			if !asJSON {
				fmt.Fprintf(env.stdout, "✘ %-16s %s\n", v.Exercise, v.Reason)
			}
		case asJSON:
			done = append(done, v.report)
		default:
			mark := "✔"
			if v.Status != statusPass {
				mark = "✘"
			}
			fmt.Fprintf(env.stdout, t.checkAllLine, mark, v.Exercise, v.Passed, v.Total)
		}
	}
	if junit != "" {
		learner := learnerVerdicts{Learner: filepath.Base(w.Dir), Workspace: w.Dir, Verdicts: verdicts}
		if err := writeJUnit(junit, []learnerVerdicts{learner}); err != nil {
			fmt.Fprintf(env.stderr, "sockbook check: %v\n", err)
			return exitFailed
		}
	}
	if asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(done); err != nil {
			fmt.Fprintf(env.stderr, "sockbook check: %v\n", err)
			return exitFailed
		}
	}
	if pass {
		return exitOK
	}
	if !asJSON {
		fmt.Fprint(env.stdout, t.checkAllWhy)
	}
	return exitFailed
}
