package check

// The native harness: it builds an exercise program with `go build`, runs
// it as a real process on a free loopback port and plays one scenario
// against it, so that the checkers can be tested against reference
// solutions, starters and deliberately broken programs without the
// interpreter-based runner.
//
// The API, for every test in this package:
//
//	nativeBinary(t, dir)              build the package main in dir (cached for the run)
//	runNative(t, ex, bin, sc)         run one scenario with a fresh server; returns its result
//	checkProgram(t, ex, dir, fail...) run every scenario; exactly the named ones must fail
//	checkBinary(t, ex, bin, dir, fail...) the same for a built binary or a launcher
//	yaegiProgram(t, yaegi, file)      a launcher that runs file under the yaegi interpreter
//	referenceDir(id), starterDir(id), flawDir(id, flaw)   where programs live

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sockbook/runner/event"
	"sockbook/runner/listenwait"
	"sockbook/runner/relay"
)

// Bounds of the harness itself (not of the scenarios).
const (
	buildTimeout  = 3 * time.Minute
	listenTimeout = 10 * time.Second
	stopTimeout   = 5 * time.Second
	// overrun is how long a scenario may outlive its own timeout before the
	// harness reports that one of its waits is unbounded.
	overrun = 2 * time.Second
	// outputCap bounds how much of a program's output is kept.
	outputCap = 64 << 10
)

// nativeBuilds caches binaries by source folder for the whole test run
// (every -count iteration), so each program is compiled once. It is the
// harness's only shared state and lives only in the test binary; TestMain
// sets buildRoot.
var nativeBuilds sync.Map // absolute source dir -> func() (string, error)

// buildRoot is the folder the cached binaries are written to.
var buildRoot string

// TestMain makes the folder for cached builds, and raises the default
// -parallel: most of a scenario's time is spent waiting on a socket, and
// the failing ones wait out their bounds. An explicit -parallel wins.
func TestMain(m *testing.M) {
	flag.Parse()
	explicit := false
	flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
	if !explicit {
		flag.Set("test.parallel", strconv.Itoa(max(8, 4*runtime.GOMAXPROCS(0))))
	}
	dir, err := os.MkdirTemp("", "sockbook-check-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "native harness:", err)
		os.Exit(2)
	}
	buildRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// referenceDir is the folder of an exercise's reference solution.
func referenceDir(id string) string { return filepath.Join("..", "..", "solutions", id) }

// starterDir is the folder of an exercise's starter program.
func starterDir(id string) string { return filepath.Join("..", "..", "solutions", id, "starter") }

// flawDir is the folder of a deliberately broken program for an exercise.
func flawDir(id, flaw string) string { return filepath.Join("testdata", id, flaw) }

// nativeBinary builds the package main in dir (relative to this package's
// folder) and returns the binary's path. Each folder is built once per test
// run; a build error fails t.
func nativeBinary(t testing.TB, dir string) string {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
	build, _ := nativeBuilds.LoadOrStore(abs, sync.OnceValues(func() (string, error) {
		return goBuild(abs)
	}))
	bin, err := build.(func() (string, error))()
	if err != nil {
		t.Fatalf("%v", err)
	}
	return bin
}

func goBuild(dir string) (string, error) {
	name := strings.NewReplacer(string(filepath.Separator), "_", ":", "_").Replace(strings.TrimPrefix(dir, string(filepath.Separator)))
	out := filepath.Join(buildRoot, name)
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, ".")
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %w\n%s", dir, err, msg)
	}
	return out, nil
}

// yaegiProgram returns a launcher that runs the Go file under the yaegi
// interpreter (the binary at yaegi), to use in place of a built binary.
// The launcher execs yaegi, so the process it starts is the interpreter
// itself: its memory, exit status and process group are the program's.
func yaegiProgram(t testing.TB, yaegi, file string) string {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatalf("yaegi launcher for %s: %v", file, err)
	}
	script := fmt.Sprintf("#!/bin/sh\nYAEGI_UNRESTRICTED=1 exec %s run %s \"$@\"\n", strconv.Quote(yaegi), strconv.Quote(abs))
	path := filepath.Join(t.TempDir(), "yaegi-launcher")
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatalf("yaegi launcher for %s: %v", file, err)
	}
	return path
}

// checkProgram runs every scenario of ex against the program in dir, each
// as a parallel subtest with a fresh server, and fails t unless exactly the
// scenarios named in wantFail fail.
func checkProgram(t *testing.T, ex Exercise, dir string, wantFail ...string) {
	t.Helper()
	checkBinary(t, ex, nativeBinary(t, dir), dir, wantFail...)
}

// checkBinary is checkProgram for a program already built (or a launcher
// from yaegiProgram); dir names it in messages.
func checkBinary(t *testing.T, ex Exercise, bin, dir string, wantFail ...string) {
	t.Helper()
	for _, name := range wantFail {
		if !slices.ContainsFunc(ex.Scenarios, func(sc Scenario) bool { return sc.Name == name }) {
			t.Fatalf("%s has no scenario %q", ex.ID, name)
		}
	}
	for _, sc := range ex.Scenarios {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			err := runNative(t, ex, bin, sc)
			want := slices.Contains(wantFail, sc.Name)
			switch {
			case want && err == nil:
				t.Errorf("%s passed %s/%s; it should fail", dir, ex.ID, sc.Name)
			case !want && err != nil:
				t.Errorf("%s failed %s/%s: %v", dir, ex.ID, sc.Name, err)
			case want:
				var f *Failure
				if !errors.As(err, &f) {
					t.Errorf("%s/%s failed with %v, not a *Failure: a checker error, not the program's", ex.ID, sc.Name, err)
				}
			}
		})
	}
}

// runNative runs one scenario of ex against the program bin. For a server
// exercise it starts a fresh server on a free loopback port (flags -addr and
// ex.ServerArgs), waits until it listens without connecting to it, runs the
// scenario and kills the server's process group; for a client exercise it
// provides RunClient. It returns the scenario's result. When that is not
// nil, the checker's events and the program's output are logged to t.
func runNative(t testing.TB, ex Exercise, bin string, sc Scenario) error {
	t.Helper()
	timeout := sc.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()

	var trace transcript
	env := &Env{Dir: t.TempDir(), Log: trace.add}
	env.Relay = func(plan relay.Plan) (string, error) {
		r, err := relay.StartTCP(ctx, env.Addr, plan, trace.add)
		if err != nil {
			return "", err
		}
		t.Cleanup(func() { r.Close() })
		return r.Addr(), nil
	}
	var srv *process
	switch ex.Role {
	case ServerRole:
		var err error
		srv, err = startServer(ex, bin, env)
		if err != nil {
			t.Fatalf("%s: %v", ex.ID, err)
		}
		defer srv.stop()
	case ClientRole:
		env.RunClient = func(ctx context.Context, args []string) (ClientResult, error) {
			return runClient(ctx, bin, args, &trace)
		}
	}

	start := time.Now()
	err := sc.Run(ctx, env)
	if took := time.Since(start); took > timeout+overrun {
		t.Errorf("%s/%s took %v, more than its timeout %v: a wait is not bounded", ex.ID, sc.Name, took, timeout)
	}
	if err != nil {
		if srv != nil {
			srv.stop()
			trace.output("server", &srv.stdout)
			trace.output("server stderr", &srv.stderr)
		}
		t.Logf("%s/%s: %v\n%s", ex.ID, sc.Name, err, trace.String())
	}
	return err
}

// process is a running program in its own process group.
type process struct {
	cmd    *exec.Cmd
	stdout capped
	stderr capped
	exited chan struct{} // closed when the process has been waited for
	state  *os.ProcessState
	once   sync.Once
}

func startProcess(bin string, args []string) (*process, error) {
	p := &process{exited: make(chan struct{})}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Stdout = &p.stdout
	p.cmd.Stderr = &p.stderr
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	go func() {
		p.cmd.Wait()
		p.state = p.cmd.ProcessState
		close(p.exited)
	}()
	return p, nil
}

// stop kills the process group and waits for the process.
func (p *process) stop() {
	p.once.Do(func() {
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		select {
		case <-p.exited:
		case <-time.After(stopTimeout):
		}
	})
}

// status reads one field of /proc/<pid>/status, in bytes.
func (p *process) status(field string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", field, err)
	}
	for line := range strings.Lines(string(b)) {
		rest, ok := strings.CutPrefix(line, field+":")
		if !ok {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("read %s: %w", field, err)
		}
		return kb << 10, nil
	}
	return 0, fmt.Errorf("read %s: not in /proc/%d/status", field, p.cmd.Process.Pid)
}

// exitCode waits until ctx ends for the process to exit.
func (p *process) exitCode(ctx context.Context) (int, error) {
	select {
	case <-p.exited:
		return p.state.ExitCode(), nil
	case <-ctx.Done():
		return 0, fmt.Errorf("wait for the server to exit: %w", ctx.Err())
	}
}

// startServer starts bin as ex's server on a free loopback port and fills
// env. A port taken between choosing and listening is retried.
func startServer(ex Exercise, bin string, env *Env) (*process, error) {
	network := ex.Network
	if network == "" {
		network = "tcp"
	}
	var last error
	for range 3 {
		addr, err := listenwait.FreePort(network)
		if err != nil {
			return nil, err
		}
		env.Addr = addr
		args := []string{"-addr", addr}
		if ex.ServerArgs != nil {
			args = append(args, ex.ServerArgs(env)...)
		}
		p, err := startProcess(bin, args)
		if err != nil {
			return nil, err
		}
		if last = waitListening(p, network, addr); last == nil {
			env.ServerRSS = func() (int64, error) { return p.status("VmRSS") }
			env.ServerVM = func() (int64, error) { return p.status("VmData") }
			env.ServerExit = p.exitCode
			return p, nil
		}
		p.stop()
		if !strings.Contains(p.stderr.String(), "address already in use") {
			break
		}
	}
	return nil, last
}

// waitListening waits until the process listens on addr, or exits.
func waitListening(p *process, network, addr string) error {
	ctx, cancel := context.WithTimeout(context.Background(), listenTimeout)
	defer cancel()
	go func() {
		select {
		case <-p.exited:
			cancel()
		case <-ctx.Done():
		}
	}()
	if err := listenwait.Wait(ctx, network, addr); err != nil {
		select {
		case <-p.exited:
			return fmt.Errorf("server exited with %v before listening on %s:\n%s", p.state, addr, p.stderr.String())
		default:
			return fmt.Errorf("server did not listen on %s: %w", addr, err)
		}
	}
	return nil
}

// runClient runs a client program until it exits or ctx ends.
func runClient(ctx context.Context, bin string, args []string, trace *transcript) (ClientResult, error) {
	p, err := startProcess(bin, args)
	if err != nil {
		return ClientResult{}, err
	}
	defer p.stop()
	select {
	case <-p.exited:
	case <-ctx.Done():
		p.stop()
		trace.output("client", &p.stdout)
		trace.output("client stderr", &p.stderr)
		return ClientResult{Code: -1, Stdout: p.stdout.String(), Stderr: p.stderr.String()}, fmt.Errorf("run client: %w", ctx.Err())
	}
	trace.output("client", &p.stdout)
	trace.output("client stderr", &p.stderr)
	return ClientResult{Code: p.state.ExitCode(), Stdout: p.stdout.String(), Stderr: p.stderr.String()}, nil
}

// capped is a goroutine-safe buffer that keeps the first outputCap bytes.
type capped struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *capped) Write(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := outputCap - c.buf.Len(); room > 0 {
		c.buf.Write(b[:len(b)-max(0, len(b)-room)])
	}
	return len(b), nil
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

// transcript collects the checker's events and the programs' output, to
// log when a scenario fails.
type transcript struct {
	mu    sync.Mutex
	lines []string
}

func (tr *transcript) add(e event.Event) {
	line := fmt.Sprintf("%-6s %s#%d %-10s", e.Side, "conn", e.Conn, e.Kind)
	if e.Bytes > 0 {
		line += fmt.Sprintf(" %d bytes", e.Bytes)
	}
	for _, s := range []string{e.Text, e.Addr, e.Peer, e.Err} {
		if s != "" {
			line += " " + s
		}
	}
	tr.mu.Lock()
	tr.lines = append(tr.lines, line)
	tr.mu.Unlock()
}

func (tr *transcript) output(who string, out *capped) {
	text := strings.TrimRight(out.String(), "\n")
	if text == "" {
		return
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for line := range strings.Lines(text) {
		tr.lines = append(tr.lines, who+" | "+strings.TrimRight(line, "\n"))
	}
}

func (tr *transcript) String() string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	const keep = 60 // the start and the end tell the story
	lines := tr.lines
	if len(lines) > 2*keep {
		lines = slices.Concat(lines[:keep], []string{fmt.Sprintf("... %d more ...", len(lines)-2*keep)}, lines[len(lines)-keep:])
	}
	return strings.Join(lines, "\n")
}
