package check

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
)

// The project tests run on the native harness (native_test.go: nativeBinary
// builds a program, runNative plays one scenario against a fresh server or
// provides RunClient for a client), but schedule the scenarios themselves.
// Their scenarios mostly wait: for a server's reply, for a refused upload's
// leftovers to be cleaned up, for a command's 5 s limit. t.Parallel would
// hold them to -parallel (GOMAXPROCS, 2 here) at a time and turn those
// waits into a minute; goroutines calling t.Run run more of them at once.

const (
	// projectConcurrency bounds the scenarios running at once.
	projectConcurrency = 8
	// projectBuilds bounds the programs being compiled at once.
	projectBuilds = 4
)

// projectProgram is one program to check and what it must fail.
type projectProgram struct {
	label string // the subtest's name: "reference", "starter" or the flaw
	ex    Exercise
	c     projectCase
}

// projectScheduler bounds the builds and scenarios of all the project
// tests together.
type projectScheduler struct {
	scenarios chan struct{}
	builds    chan struct{}
	// starting is held from before runNative picks a free port for a
	// server until the server listens on it. listenwait.FreePort's port is
	// only free "a moment ago": two servers started at once can be handed
	// the same one, and the second's scenario would then talk to the
	// first's server.
	starting sync.Mutex
}

func newProjectScheduler() *projectScheduler {
	return &projectScheduler{
		scenarios: make(chan struct{}, projectConcurrency),
		builds:    make(chan struct{}, projectBuilds),
	}
}

// check runs every scenario of every program, each as the subtest
// <label>/<scenario> with a fresh server, and fails t unless each program
// fails exactly the scenarios its case names, each with a *Failure.
func (s *projectScheduler) check(t *testing.T, programs []projectProgram) {
	t.Helper()
	var wg sync.WaitGroup
	for _, p := range programs {
		for _, name := range p.c.fail {
			if !slices.ContainsFunc(p.ex.Scenarios, func(sc Scenario) bool { return sc.Name == name }) {
				t.Fatalf("%s: %s has no scenario %q", p.c.dir, p.ex.ID, name)
			}
		}
		wg.Go(func() {
			t.Run(p.label, func(t *testing.T) {
				bin := s.build(t, p.c.dir)
				var inner sync.WaitGroup
				for _, sc := range p.ex.Scenarios {
					inner.Go(func() {
						s.scenarios <- struct{}{}
						defer func() { <-s.scenarios }()
						t.Run(sc.Name, func(t *testing.T) {
							projectJudge(t, p, sc, runNative(t, p.ex, bin, s.started(t, p.ex, sc)))
						})
					})
				}
				inner.Wait()
			})
		})
	}
	wg.Wait()
}

// started holds s.starting for a server exercise until sc begins, that
// is until its server listens, and returns sc to run.
func (s *projectScheduler) started(t *testing.T, ex Exercise, sc Scenario) Scenario {
	if ex.Role != ServerRole {
		return sc
	}
	s.starting.Lock()
	release := sync.OnceFunc(s.starting.Unlock)
	t.Cleanup(release) // when runNative fails before the scenario begins
	run := sc.Run
	sc.Run = func(ctx context.Context, env *Env) error {
		release()
		return run(ctx, env)
	}
	return sc
}

// build compiles the program in dir, a bounded number at once.
func (s *projectScheduler) build(t *testing.T, dir string) string {
	s.builds <- struct{}{}
	defer func() { <-s.builds }() // also when nativeBinary fails t
	return nativeBinary(t, dir)
}

// projectJudge fails t unless err is what p's case expects of sc.
func projectJudge(t *testing.T, p projectProgram, sc Scenario, err error) {
	t.Helper()
	want := slices.Contains(p.c.fail, sc.Name)
	var f *Failure
	switch {
	case want && err == nil:
		t.Errorf("%s passed %s/%s; it should fail", p.c.dir, p.ex.ID, sc.Name)
	case !want && err != nil:
		t.Errorf("%s failed %s/%s: %v", p.c.dir, p.ex.ID, sc.Name, err)
	case want && !errors.As(err, &f):
		t.Errorf("%s/%s failed with %v, not a *Failure: a checker error, not the program's", p.ex.ID, sc.Name, err)
	}
}
