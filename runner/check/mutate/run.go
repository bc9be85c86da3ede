package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"sockbook/runner/check"
	"sockbook/runner/check/native"
)

// options say what to mutate and how.
type options struct {
	Root     string    // the module's root folder
	Only     []string  // exercise ids; empty means all
	Jobs     int       // mutants checked at once
	Progress io.Writer // if set, receives a line per verdict
}

// verdict is what became of one mutant.
type verdict struct {
	mutant
	KilledBy string // the scenario that failed; empty if it survived
	Why      string // that scenario's failure
	Err      error  // the mutant could not be judged (build or harness trouble)
}

// report is one exercise's score.
type report struct {
	Exercise   string
	Total      int       // mutants that compile
	Killed     int       // killed by a scenario, listed or not
	Equivalent int       // survived and listed as equivalent
	Survivors  []verdict // survived and not listed
	Listed     []verdict // listed as equivalent, yet killed
	Errors     []verdict // not judged
	Stale      []string  // listed ids that are no mutant of the reference
}

// clean reports whether every mutant is explained: killed, or listed and
// surviving.
func (r report) clean() bool {
	return len(r.Survivors) == 0 && len(r.Listed) == 0 && len(r.Errors) == 0 && len(r.Stale) == 0
}

// moduleRoot finds the module's root folder with the go command.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("find the module: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("find the module: not inside the sockbook module")
	}
	return filepath.Dir(mod), nil
}

// exercises returns the exercises opts selects.
func (o options) exercises() ([]check.Exercise, error) {
	if len(o.Only) == 0 {
		return check.All(), nil
	}
	var out []check.Exercise
	for _, id := range o.Only {
		ex, err := check.Find(id)
		if err != nil {
			return nil, err
		}
		out = append(out, ex)
	}
	return out, nil
}

// referenceFile is the path of an exercise's reference solution.
func (o options) referenceFile(id string) string {
	return filepath.Join(o.Root, "solutions", id, "main.go")
}

// mutantsOf reads an exercise's reference solution and returns its
// mutants.
func (o options) mutantsOf(id string) ([]mutant, error) {
	src, err := os.ReadFile(o.referenceFile(id))
	if err != nil {
		return nil, err
	}
	return mutants(id, src)
}

// listMutants prints every mutant that compiles, one per line.
func listMutants(w io.Writer, opts options) error {
	exs, err := opts.exercises()
	if err != nil {
		return err
	}
	for _, ex := range exs {
		ms, err := opts.mutantsOf(ex.ID)
		if err != nil {
			return err
		}
		for _, m := range ms {
			fmt.Fprintf(w, "%s\tmain.go:%d\n\t- %s\n\t+ %s\n", m.ID, m.Line, m.Before, m.After)
		}
	}
	return nil
}

// analyse runs the mutation analysis and returns one report per exercise.
func analyse(ctx context.Context, opts options) ([]report, error) {
	exs, err := opts.exercises()
	if err != nil {
		return nil, err
	}
	equivalent, err := readEquivalents(filepath.Join(opts.Root, "runner", "check", "mutate"))
	if err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "sockbook-mutate-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)

	type job struct {
		ex check.Exercise
		m  mutant
		n  int
	}
	var jobs []job
	all := make(map[string]bool)
	for _, ex := range exs {
		if err := opts.referencePasses(ctx, ex, work); err != nil {
			return nil, err
		}
		ms, err := opts.mutantsOf(ex.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			all[m.ID] = true
			jobs = append(jobs, job{ex, m, len(jobs)})
		}
	}

	verdicts := make([]verdict, len(jobs))
	next := make(chan job)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range opts.Jobs {
		wg.Go(func() {
			for j := range next {
				v := opts.judge(ctx, j.ex, j.m, filepath.Join(work, fmt.Sprint(j.n)))
				verdicts[j.n] = v
				mu.Lock()
				done++
				if opts.Progress != nil {
					fmt.Fprintf(opts.Progress, "[%d/%d] %s\n", done, len(jobs), v.line())
				}
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- j
	}
	close(next)
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	var reports []report
	for _, ex := range exs {
		r := report{Exercise: ex.ID}
		for _, v := range verdicts {
			if v.Exercise != ex.ID {
				continue
			}
			r.Total++
			_, listed := equivalent[v.ID]
			switch {
			case v.Err != nil:
				r.Errors = append(r.Errors, v)
			case v.KilledBy != "":
				r.Killed++
				if listed {
					r.Listed = append(r.Listed, v)
				}
			case listed:
				r.Equivalent++
			default:
				r.Survivors = append(r.Survivors, v)
			}
		}
		for id := range equivalent {
			if strings.HasPrefix(id, ex.ID+"/") && !all[id] {
				r.Stale = append(r.Stale, id)
			}
		}
		slices.Sort(r.Stale)
		reports = append(reports, r)
	}
	return reports, nil
}

// line is a verdict in one line.
func (v verdict) line() string {
	switch {
	case v.Err != nil:
		return fmt.Sprintf("%s: not judged: %v", v.ID, v.Err)
	case v.KilledBy != "":
		return fmt.Sprintf("%s: killed by %s", v.ID, v.KilledBy)
	}
	return fmt.Sprintf("%s: survived", v.ID)
}

// scenarioOrder returns ex's scenarios, the quickest to time out first:
// most mutants are killed by the first scenarios, and the slow ones (a
// time limit waited out) run only for the few that pass all the others.
func scenarioOrder(ex check.Exercise) []check.Scenario {
	scs := slices.Clone(ex.Scenarios)
	timeout := func(sc check.Scenario) time.Duration {
		if sc.Timeout == 0 {
			return check.DefaultTimeout
		}
		return sc.Timeout
	}
	slices.SortStableFunc(scs, func(a, b check.Scenario) int { return int(timeout(a) - timeout(b)) })
	return scs
}

// build compiles the reference solution of ex with src in place of its
// main.go, into dir.
func (o options) build(ctx context.Context, ex check.Exercise, src []byte, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		return "", err
	}
	overlay, err := json.Marshal(map[string]map[string]string{"Replace": {o.referenceFile(ex.ID): file}})
	if err != nil {
		return "", err
	}
	overlayFile := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(overlayFile, overlay, 0o644); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "program")
	err = native.Build(ctx, filepath.Dir(o.referenceFile(ex.ID)), bin, "-overlay", overlayFile)
	return bin, err
}

// play runs one scenario against bin in a fresh scratch folder under dir.
// It returns nil when the program passed, a *check.Failure when it failed,
// another error when the scenario could not be played.
func play(ctx context.Context, ex check.Exercise, sc check.Scenario, bin, dir string) error {
	scratch, err := os.MkdirTemp(dir, "scenario-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	return check.RunNative(ctx, ex, sc, bin, check.NativeOptions{Dir: scratch})
}

// referencePasses checks that the unchanged reference passes every
// scenario through the same harness: otherwise every verdict would mean
// nothing.
func (o options) referencePasses(ctx context.Context, ex check.Exercise, work string) error {
	src, err := os.ReadFile(o.referenceFile(ex.ID))
	if err != nil {
		return err
	}
	dir := filepath.Join(work, "reference-"+ex.ID)
	bin, err := o.build(ctx, ex, src, dir)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	for _, sc := range ex.Scenarios {
		if err := play(ctx, ex, sc, bin, dir); err != nil {
			return fmt.Errorf("the reference solution of %s fails %s, so no verdict would mean anything: %v", ex.ID, sc.Name, err)
		}
	}
	return nil
}

// judge builds one mutant and plays ex's scenarios against it until one
// fails. A failure is confirmed by playing that scenario again, so that a
// moment of load on the machine does not pass for a kill.
func (o options) judge(ctx context.Context, ex check.Exercise, m mutant, dir string) verdict {
	v := verdict{mutant: m}
	defer os.RemoveAll(dir)
	bin, err := o.build(ctx, ex, m.Source, dir)
	if err != nil {
		v.Err = err
		return v
	}
	for _, sc := range scenarioOrder(ex) {
		err := play(ctx, ex, sc, bin, dir)
		if err == nil {
			continue
		}
		var f *check.Failure
		if !errors.As(err, &f) {
			v.Err = fmt.Errorf("%s: %w", sc.Name, err)
			return v
		}
		if again := play(ctx, ex, sc, bin, dir); again == nil {
			continue // failed once, passed once: not a kill to count on
		}
		v.KilledBy, v.Why = sc.Name, f.Error()
		return v
	}
	return v
}

// printReports writes the scores and every mutant that needs a look.
func printReports(w io.Writer, reports []report) {
	fmt.Fprintf(w, "%-16s %8s %7s %11s %10s %7s\n", "exercise", "mutants", "killed", "equivalent", "surviving", "score")
	var total, killed, equivalent, surviving int
	for _, r := range reports {
		fmt.Fprintf(w, "%-16s %8d %7d %11d %10d %7s\n", r.Exercise, r.Total, r.Killed, r.Equivalent, len(r.Survivors), r.score())
		total += r.Total
		killed += r.Killed
		equivalent += r.Equivalent
		surviving += len(r.Survivors)
	}
	all := report{Total: total, Killed: killed, Equivalent: equivalent}
	fmt.Fprintf(w, "%-16s %8d %7d %11d %10d %7s\n", "all", total, killed, equivalent, surviving, all.score())
	for _, r := range reports {
		for _, v := range r.Survivors {
			fmt.Fprintf(w, "\nSURVIVED %s  (solutions/%s/main.go:%d)\n  - %s\n  + %s\n", v.ID, r.Exercise, v.Line, v.Before, v.After)
		}
		for _, v := range r.Listed {
			fmt.Fprintf(w, "\nLISTED AS EQUIVALENT BUT KILLED %s by %s: %s\n  - %s\n  + %s\n", v.ID, v.KilledBy, v.Why, v.Before, v.After)
		}
		for _, v := range r.Errors {
			fmt.Fprintf(w, "\nNOT JUDGED %s: %v\n", v.ID, v.Err)
		}
		for _, id := range r.Stale {
			fmt.Fprintf(w, "\nLISTED BUT NO SUCH MUTANT %s\n", id)
		}
	}
}

// score is the share of the mutants that can be killed that were.
func (r report) score() string {
	if r.Total-r.Equivalent == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(r.Killed)/float64(r.Total-r.Equivalent))
}
