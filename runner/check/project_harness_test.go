package check

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"sync"
	"sync/atomic"
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
	projectConcurrency = 6
	// projectBuilds bounds the programs being compiled at once.
	projectBuilds = 4
)

// projectProgram is one program to check and what it must fail.
type projectProgram struct {
	label string // the subtest's name: "reference", "starter" or the flaw
	ex    Exercise
	c     projectCase
	bin   string // a command that runs the program; empty: build c.dir
}

// projectScheduler bounds the builds and scenarios of all the project
// tests together.
type projectScheduler struct {
	scenarios chan struct{}
	builds    chan struct{}
	ports     projectPorts
}

// errPortShared says that a scenario's server was handed a port that was
// not its alone. listenwait.FreePort's port was only free "a moment ago",
// on 127.0.0.1, and listenwait.Wait accepts a listener on that port on any
// address: when two of these scenarios are handed the same port, or
// another program on the machine listens on it on another address (::1),
// the harness may take someone else's listener for the server's, and the
// scenario would talk to it or find nothing there. Such a scenario is run
// again on a new port.
var errPortShared = errors.New("project harness: the server's port was not its alone")

// projectPorts records which running scenario's server was handed which
// address.
type projectPorts struct {
	mu    sync.Mutex
	inUse map[string]*projectAttempt
}

// projectAttempt is one run of one scenario.
type projectAttempt struct {
	addrs  []string
	shared atomic.Bool
}

// claim records that a's server was handed addr. When another attempt
// holds it, both are marked shared.
func (ps *projectPorts) claim(addr string, a *projectAttempt) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.inUse == nil {
		ps.inUse = make(map[string]*projectAttempt)
	}
	if other, ok := ps.inUse[addr]; ok && other != a {
		other.shared.Store(true)
		a.shared.Store(true)
		return
	}
	ps.inUse[addr] = a
	a.addrs = append(a.addrs, addr)
}

// release forgets a's addresses once its server is gone.
func (ps *projectPorts) release(a *projectAttempt) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	for _, addr := range a.addrs {
		if ps.inUse[addr] == a {
			delete(ps.inUse, addr)
		}
	}
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
				bin := p.bin
				if bin == "" {
					bin = s.build(t, p.c.dir)
				}
				var inner sync.WaitGroup
				for _, sc := range p.ex.Scenarios {
					inner.Go(func() {
						s.scenarios <- struct{}{}
						defer func() { <-s.scenarios }()
						t.Run(sc.Name, func(t *testing.T) {
							projectJudge(t, p, sc, s.run(t, p.ex, bin, sc))
						})
					})
				}
				inner.Wait()
			})
		})
	}
	wg.Wait()
}

// run runs sc with runNative, again on a new port (up to twice more) when
// its server's port turns out not to have been its alone.
func (s *projectScheduler) run(t *testing.T, ex Exercise, bin string, sc Scenario) error {
	for try := 1; ; try++ {
		err := s.runOnce(t, ex, bin, sc)
		if !errors.Is(err, errPortShared) || try == 3 {
			return err
		}
		t.Logf("run %s again: %v", sc.Name, err)
	}
}

func (s *projectScheduler) runOnce(t *testing.T, ex Exercise, bin string, sc Scenario) error {
	if ex.Role != ServerRole {
		return runNative(t, ex, bin, sc)
	}
	a := &projectAttempt{}
	defer s.ports.release(a) // runNative has stopped the server by then
	// The harness calls ServerArgs once it has chosen the server's port,
	// before it starts the server: the moment to claim the port.
	args := ex.ServerArgs
	ex.ServerArgs = func(env *Env) []string {
		s.ports.claim(env.Addr, a)
		if listeningElsewhere(env.Addr) {
			a.shared.Store(true)
		}
		if args == nil {
			return nil
		}
		return args(env)
	}
	// A port that is not the server's alone is known before the scenario
	// begins: the claim and the look for another listener come before the
	// server starts, and the scenario only once something listens.
	run := sc.Run
	sc.Run = func(ctx context.Context, env *Env) error {
		if a.shared.Load() {
			return fmt.Errorf("%w: %s", errPortShared, env.Addr)
		}
		return run(ctx, env)
	}
	return runNative(t, ex, bin, sc)
}

// listeningElsewhere reports whether something already holds addr's port,
// on any address, before the server meant for it has started: it tries to
// listen on the port on every address (IPv6 and IPv4) for a moment. (The
// kernel's socket tables would tell too, but after a few runs they hold
// thousands of TIME_WAIT lines, and reading them costs more than a
// scenario.)
func listeningElsewhere(addr string) bool {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ln, err := net.Listen("tcp", ":"+port)
	if err != nil {
		return true
	}
	ln.Close()
	return false
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
	case want:
		explainedInChinese(t, p.ex.ID, sc.Name, f)
	}
}

// TestListeningElsewhere checks the harness's own look for a listener: it
// sees one on IPv4 or IPv6 loopback, and none once it is closed.
func TestListeningElsewhere(t *testing.T) {
	for _, network := range []string{"tcp4", "tcp6"} {
		host := map[string]string{"tcp4": "127.0.0.1", "tcp6": "[::1]"}[network]
		ln, err := net.Listen(network, host+":0")
		if err != nil {
			t.Logf("%s: %v", network, err) // no IPv6 here
			continue
		}
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		if !listeningElsewhere("127.0.0.1:" + port) {
			t.Errorf("%s: the listener on %s is not seen", network, ln.Addr())
		}
		ln.Close()
		if listeningElsewhere("127.0.0.1:" + port) {
			t.Errorf("%s: the closed listener on %s is still seen", network, ln.Addr())
		}
	}
}
