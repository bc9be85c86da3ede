package runner_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"sockbook/runner"
	"sockbook/runner/event"
	"sockbook/runner/gobuild"
	"sockbook/runner/listenwait"
	"sockbook/runner/runnertest"
)

func TestMain(m *testing.M) { runnertest.Main(m) }

func load(t *testing.T, path string) *runner.Program {
	t.Helper()
	p, err := runner.LoadProgram(path)
	if err != nil {
		t.Fatal(err)
	}
	return &p
}

func run(t *testing.T, spec runner.Spec) *runner.Result {
	t.Helper()
	res, err := runner.Run(context.Background(), spec, runner.Options{Command: runnertest.Command(), MaxLines: 300})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

// texts returns the text of one side's events of the given kinds.
func texts(res *runner.Result, side event.Side, kinds ...event.Kind) []string {
	var out []string
	for _, ev := range res.Events {
		if ev.Side != side {
			continue
		}
		for _, k := range kinds {
			if ev.Kind == k {
				out = append(out, ev.Text)
			}
		}
	}
	return out
}

func assertNoLeftovers(t *testing.T, res *runner.Result) {
	t.Helper()
	if left := runnertest.Children(); len(left) > 0 {
		t.Errorf("child processes still running: %v", left)
	}
	_, port, _ := strings.Cut(res.Addr, ":")
	var p int
	for _, c := range port {
		p = p*10 + int(c-'0')
	}
	network := "tcp"
	if on, err := listenwait.Listening(network, p); err == nil && on {
		t.Errorf("port %d still has a listener after the run", p)
	}
}

const (
	helloServer = "../lessons/basics/hello/server/main.go"
	helloClient = "../lessons/basics/hello/client/main.go"
)

// TestHostilePrograms runs each kind of broken program and checks that
// the run ends with a clear failure, no process left and no port held.
func TestHostilePrograms(t *testing.T) {
	tests := []struct {
		server   string
		reason   runner.Reason
		side     event.Side
		contains []string
		timeout  time.Duration
	}{
		{"compile_error.go", runner.Compile, event.Server, []string{"compile_error.go:6:29:", "missing ','", `fmt.Println("never printed"`}, 0},
		{"type_error.go", runner.Compile, event.Server, []string{"type_error.go:8:2:", "undefined: conn", "conn.Write"}, 0},
		{"panic_main.go", runner.Panic, event.Server, []string{"panic: assignment to entry in nil map"}, 0},
		{"panic_goroutine.go", runner.Panic, event.Server, []string{"crashed in a goroutine", "panic: boom in a handler"}, 0},
		{"loop_forever.go", runner.Timeout, event.Runner, []string{"timed out after 1.5s", "server and client still running"}, 1500 * time.Millisecond},
		{"block_forever.go", runner.Timeout, event.Runner, []string{"timed out after 1.5s", "the server's last event: read 6 bytes"}, 1500 * time.Millisecond},
		{"flood.go", runner.Flood, event.Server, []string{"printed more than 300 lines", "keeps the first 300"}, 0},
		{"never_listens.go", runner.NeverListens, event.Server, []string{"exited (status 0) before it listened on 127.0.0.1:", "-addr"}, 0},
		{"wrong_addr.go", runner.WrongAddr, event.Server, []string{"listened on 127.0.0.1:", "but it was given -addr"}, 0},
		{"os_exit3.go", runner.ExitStatus, event.Server, []string{"exited with status 3"}, 0},
		{"log_fatal.go", runner.ExitStatus, event.Server, []string{"exited with status 1"}, 0},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.server, ".go"), func(t *testing.T) {
			res := run(t, runner.Spec{
				Server:  load(t, filepath.Join("testdata/hostile", tt.server)),
				Client:  load(t, helloClient),
				Timeout: tt.timeout,
			})
			var f runner.Failure
			ok := false
			for _, got := range res.Failures {
				if got.Reason == tt.reason && got.Side == tt.side {
					f, ok = got, true
					break
				}
			}
			if !ok {
				t.Fatalf("want a %s failure of the %s, got %v", tt.reason, tt.side, res.Failures)
			}
			for _, want := range tt.contains {
				if !strings.Contains(f.Message, want) {
					t.Errorf("failure message %q does not contain %q", f.Message, want)
				}
			}
			assertNoLeftovers(t, res)
		})
	}
}

func TestOSExitShowsStatusAndOutput(t *testing.T) {
	res := run(t, runner.Spec{Server: load(t, "testdata/hostile/os_exit3.go"), Client: load(t, helloClient)})
	if got := res.Exits[event.Server].Code; got != 3 {
		t.Errorf("server exit code = %d, want 3", got)
	}
	if got := texts(res, event.Server, event.Stderr); len(got) != 1 || got[0] != "giving up" {
		t.Errorf("server stderr = %q, want the line written just before os.Exit", got)
	}
}

func TestLogFatalPrintsThenExits1(t *testing.T) {
	res := run(t, runner.Spec{Server: load(t, "testdata/hostile/log_fatal.go"), Client: load(t, helloClient)})
	if got := texts(res, event.Server, event.Stderr); len(got) != 1 || got[0] != "fatal: cannot go on" {
		t.Errorf("server stderr = %q", got)
	}
	if _, ok := res.Failed(runner.Panic); ok {
		t.Errorf("log.Fatal must exit 1, not panic: %v", res.Failures)
	}
}

func TestServerStdinIsEmpty(t *testing.T) {
	res := run(t, runner.Spec{Server: load(t, "testdata/hostile/stdin_reader.go"), Client: load(t, "testdata/programs/quiet_client.go")})
	got := texts(res, event.Server, event.Stdout)
	if len(got) != 1 || got[0] != `stdin gave "", EOF` {
		t.Errorf("server output = %q, want it to read EOF at once", got)
	}
}

func TestProgramSeesItsArguments(t *testing.T) {
	server := load(t, "testdata/programs/args_server.go")
	server.Args = []string{"-name", "gopher", "extra"}
	res := run(t, runner.Spec{Server: server, Client: load(t, "testdata/programs/quiet_client.go")})
	if !res.OK() {
		t.Fatalf("run failed: %v", res.Failures)
	}
	out := texts(res, event.Server, event.Stdout)
	want := []string{"name: gopher args: 5 rest: [extra]", "through os.Stdout.WriteString"}
	if strings.Join(out, "|") != strings.Join(want, "|") {
		t.Errorf("stdout = %q, want %q", out, want)
	}
	if errs := texts(res, event.Server, event.Stderr); len(errs) != 1 || errs[0] != "to stderr through os.Stderr" {
		t.Errorf("stderr = %q", errs)
	}
}

func TestClientInput(t *testing.T) {
	res := run(t, runner.Spec{
		Server: load(t, "testdata/programs/args_server.go"),
		Client: load(t, "testdata/programs/stdin_client.go"),
		Input:  strings.NewReader("one\ntwo\n"),
	})
	if got := texts(res, event.Client, event.Stdout); strings.Join(got, "|") != "typed: one|typed: two" {
		t.Errorf("client output = %q", got)
	}
}

func TestTypeAssertionAndHalfClose(t *testing.T) {
	res := run(t, runner.Spec{Server: load(t, "testdata/programs/halfclose_server.go"), Client: load(t, "testdata/programs/assert_client.go")})
	if !res.OK() {
		t.Fatalf("run failed: %v", res.Failures)
	}
	if got := texts(res, event.Server, event.Stdout); len(got) != 1 || got[0] != `read "half" until EOF (err <nil>)` {
		t.Errorf("server output = %q", got)
	}
	if got := texts(res, event.Client, event.Stdout); strings.Join(got, "|") != `closed my write half|got "bye"` {
		t.Errorf("client output = %q", got)
	}
	if got := texts(res, event.Client, event.CloseWrite); len(got) != 1 {
		t.Errorf("want one closewrite event, got %q", got)
	}
}

func TestUDPPair(t *testing.T) {
	res := run(t, runner.Spec{
		Network: "udp",
		Server:  load(t, "testdata/programs/udp_server.go"),
		Client:  load(t, "testdata/programs/udp_client.go"),
	})
	if !res.OK() {
		t.Fatalf("run failed: %v", res.Failures)
	}
	if got := texts(res, event.Client, event.Stdout); strings.Join(got, "|") != `reply "ONE"|reply "TWO"` {
		t.Errorf("client output = %q", got)
	}
	if got := texts(res, event.Server, event.ReadFrom); len(got) != 2 {
		t.Errorf("want 2 readfrom events on the server, got %q", got)
	}
	// The UDP server loops for ever; the run ends when it is idle again.
	if !res.Exits[event.Server].Killed {
		t.Errorf("the server should have been stopped by the runner: %+v", res.Exits)
	}
}

func TestInterruptStopsEverything(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var once bool
	res, err := runner.Run(ctx, runner.Spec{
		Server: load(t, "testdata/hostile/block_forever.go"),
		Client: load(t, helloClient),
	}, runner.Options{Command: runnertest.Command(), OnEvent: func(ev event.Event) {
		if ev.Kind == event.Stdout && ev.Side == event.Client && !once {
			once = true
			cancel() // Ctrl-C as soon as the client has spoken
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Failed(runner.Interrupted); !ok {
		t.Errorf("want an interrupted failure, got %v", res.Failures)
	}
	assertNoLeftovers(t, res)
}

// TestGoEngine runs a pair with the go toolchain instead of the interpreter.
func TestGoEngine(t *testing.T) {
	if !runner.GoAvailable() {
		t.Skip("no go command on PATH")
	}
	builder := gobuild.New(t.TempDir(), runner.Instrumentation)
	res, err := runner.Run(context.Background(), runner.Spec{
		Engine: runner.GoToolchain,
		Server: load(t, "../lessons/basics/hello/server/main.go"),
		Client: load(t, helloClient),
	}, runner.Options{Builder: builder})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("run failed: %v", res.Failures)
	}
	if got := texts(res, event.Client, event.Stdout); strings.Join(got, "|") != `sent "gopher"|server said "hello, gopher"` {
		t.Errorf("client output = %q", got)
	}
	// The compiled programs' socket calls are in the transcript, in the
	// same order as the interpreted ones'.
	interpreted := run(t, runner.Spec{Server: load(t, "../lessons/basics/hello/server/main.go"), Client: load(t, helloClient)})
	for _, side := range []event.Side{event.Server, event.Client} {
		if got, want := kinds(res, side), kinds(interpreted, side); got != want {
			t.Errorf("%s's events compiled:\n%s\ninterpreted:\n%s", side, got, want)
		}
	}

	res, err = runner.Run(context.Background(), runner.Spec{
		Engine: runner.GoToolchain,
		Server: load(t, "testdata/hostile/type_error.go"),
		Client: load(t, helloClient),
	}, runner.Options{Builder: builder})
	if err != nil {
		t.Fatal(err)
	}
	f, ok := res.Failed(runner.Compile)
	if !ok || !strings.Contains(f.Message, "type_error.go:8:2: undefined: conn") {
		t.Errorf("want the compiler's error with the learner's path, got %v", res.Failures)
	}
}

// TestInterpreterLimitIsNotTheLearnersMistake: a program that is valid Go
// but that the interpreter rejects fails under yaegi, and Diagnose says
// the Go compiler accepts it, so it is never blamed on the learner.
func TestInterpreterLimitIsNotTheLearnersMistake(t *testing.T) {
	if !runner.GoAvailable() {
		t.Skip("no go command on PATH")
	}
	prog := load(t, "testdata/programs/valid_go_yaegi_rejects.go")
	res := run(t, runner.Spec{Server: prog, Client: load(t, helloClient)})
	if _, ok := res.Failed(runner.Compile); !ok {
		t.Fatalf("the interpreter was expected to reject range-over-func; got %v", res.Failures)
	}
	builder := gobuild.New(t.TempDir(), runner.Instrumentation)
	valid, msg, err := runner.Diagnose(context.Background(), builder, *prog)
	if err != nil {
		t.Fatal(err)
	}
	if !valid {
		t.Errorf("Diagnose says the Go compiler rejects valid Go: %s", msg)
	}
	valid, msg, err = runner.Diagnose(context.Background(), builder, *load(t, "testdata/hostile/type_error.go"))
	if err != nil {
		t.Fatal(err)
	}
	if valid || !strings.Contains(msg, "undefined: conn") {
		t.Errorf("Diagnose of a real mistake = %v, %q", valid, msg)
	}
}

// TestTypedListenCalls: net.ListenTCP, net.ListenUDP and AcceptTCP are
// wrapped like net.Listen: the server is seen to listen, and works.
func TestTypedListenCalls(t *testing.T) {
	res := run(t, runner.Spec{Server: load(t, "testdata/programs/listen_typed.go"), Client: load(t, "testdata/programs/quiet_client.go")})
	if !res.OK() {
		t.Fatalf("run failed: %v", res.Failures)
	}
	if got := texts(res, event.Server, event.Stdout); len(got) != 1 || got[0] != "udp ok true" {
		t.Errorf("server output %q", got)
	}
	if got := texts(res, event.Server, event.Listen); len(got) != 2 {
		t.Errorf("want two listen events (tcp and udp), got %q", got)
	}
}

// TestShowInput: input typed live (-i) appears in the transcript as the
// client's stdin lines.
func TestShowInput(t *testing.T) {
	res := run(t, runner.Spec{
		Server:    load(t, "testdata/programs/args_server.go"),
		Client:    load(t, "testdata/programs/stdin_client.go"),
		Input:     strings.NewReader("one\ntwo\n"),
		ShowInput: true,
	})
	if got := texts(res, event.Client, event.Stdin); strings.Join(got, "|") != "one|two" {
		t.Errorf("stdin events %q", got)
	}
	if got := texts(res, event.Client, event.Stdout); strings.Join(got, "|") != "typed: one|typed: two" {
		t.Errorf("client output = %q", got)
	}
}

// TestWrongAddressListenShownOnce: the listen event on the wrong address
// is in the transcript once, beside the failure that explains it.
func TestWrongAddressListenShownOnce(t *testing.T) {
	res := run(t, runner.Spec{Server: load(t, "testdata/hostile/wrong_addr.go"), Client: load(t, helloClient)})
	listens := 0
	for _, ev := range res.Events {
		if ev.Side == event.Server && ev.Kind == event.Listen {
			listens++
		}
	}
	if listens != 1 {
		t.Errorf("the server's listen event is in the transcript %d times, want once:\n%v", listens, res.Events)
	}
	assertNoLeftovers(t, res)
}

// TestChildThatCannotStart: when the child command does not exist, Run
// says so and leaves no goroutine behind waiting to hand it its config.
func TestChildThatCannotStart(t *testing.T) {
	before := runtime.NumGoroutine()
	_, err := runner.Run(context.Background(), runner.Spec{Server: load(t, helloServer), Client: load(t, helloClient)},
		runner.Options{Command: []string{filepath.Join(t.TempDir(), "no-such-sockbook"), "__child"}})
	if err == nil || !strings.Contains(err.Error(), "start server") {
		t.Fatalf("Run = %v, want an error that the server could not start", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before the run, %d after it:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

// TestNothingOutlivesTheRun: a program that leaves a program of its own
// running when it exits does not leave it running after the run.
func TestNothingOutlivesTheRun(t *testing.T) {
	res := run(t, runner.Spec{Server: load(t, "testdata/hostile/leaves_child.go"), Client: load(t, helloClient)})
	if out := texts(res, event.Server, event.Stdout); len(out) == 0 || !strings.Contains(out[0], "left a sleep running") {
		t.Fatalf("the server did not start its sleep: %v %v", out, res.Failures)
	}
	if pids := processesRunning(t, "sleep\x0031.25\x00"); len(pids) > 0 {
		t.Errorf("the server's sleep is still running after the run: %v", pids)
	}
}

// processesRunning returns the ids of the processes whose command line
// starts with cmdline (arguments separated by NUL bytes, as in /proc).
func processesRunning(t *testing.T, cmdline string) []string {
	t.Helper()
	dirs, err := filepath.Glob("/proc/[0-9]*")
	if err != nil || len(dirs) == 0 {
		t.Skip("needs /proc")
	}
	var pids []string
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "cmdline"))
		if err == nil && strings.HasPrefix(string(b), cmdline) {
			pids = append(pids, filepath.Base(dir))
		}
	}
	return pids
}

// TestLimits runs a program that goes over each limit and checks that it
// is stopped with a message naming the limit, and nothing is left.
func TestLimits(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("limits are measured on Linux")
	}
	small := runner.Limits{Memory: 256 << 20, OpenFiles: 64, Processes: 8, Threads: 64, FileBytes: 8 << 20}
	tests := []struct {
		server string
		args   []string
		want   string
	}{
		{"memory.go", nil, "used more than 256 MiB of memory: stopped"},
		{"files.go", nil, "more than 64 files and sockets open at once: stopped"},
		{"processes.go", nil, "started more than 7 processes: stopped"},
		{"threads.go", nil, "ran more than 64 threads: stopped"},
		{"filebytes.go", []string{"-file", "FILE"}, "wrote more than 8 MiB to files: stopped"},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.server, ".go"), func(t *testing.T) {
			server := load(t, filepath.Join("testdata/limits", tt.server))
			for _, a := range tt.args {
				if a == "FILE" {
					a = filepath.Join(t.TempDir(), "out.bin")
				}
				server.Args = append(server.Args, a)
			}
			res, err := runner.Run(context.Background(), runner.Spec{Server: server, Client: load(t, helloClient), Timeout: time.Minute},
				runner.Options{Command: runnertest.Command(), Limits: small})
			if err != nil {
				t.Fatal(err)
			}
			f, ok := res.Failed(runner.Limit)
			if !ok || f.Side != event.Server || !strings.Contains(f.Message, tt.want) {
				t.Fatalf("want a limit failure of the server saying %q, got %v", tt.want, res.Failures)
			}
			if _, crashed := res.Failed(runner.Panic); crashed {
				t.Errorf("a limit is not a crash: %v", res.Failures)
			}
			assertNoLeftovers(t, res)
			if pids := processesRunning(t, "sleep\x0029.75\x00"); len(pids) > 0 {
				t.Errorf("sleeps still running: %v", pids)
			}
		})
	}
}

// kinds lists one side's events as "kind text" lines, without the ports
// and the times that differ from run to run.
func kinds(res *runner.Result, side event.Side) string {
	var b strings.Builder
	for _, ev := range res.Events {
		if ev.Side != side || ev.Kind == event.Start || ev.Kind == event.Note {
			continue
		}
		text := ev.Text
		if ev.Kind.IsSocket() {
			text = fmt.Sprintf("#%d %d bytes", ev.Conn, ev.Bytes)
		}
		fmt.Fprintf(&b, "%s %s\n", ev.Kind, text)
	}
	return loopbackPort.ReplaceAllString(b.String(), "127.0.0.1:PORT")
}

var loopbackPort = regexp.MustCompile(`127\.0\.0\.1:\d+`)

// TestAutoEngine: under auto, a program the interpreter accepts runs
// interpreted; one it rejects but the Go compiler accepts (today's Go,
// several files) runs compiled with the same socket events and a note
// that says so; one both reject shows the compiler's errors.
func TestAutoEngine(t *testing.T) {
	if !runner.GoAvailable() {
		t.Skip("no go command on PATH")
	}
	opts := runner.Options{Command: runnertest.Command(), Builder: gobuild.New(t.TempDir(), runner.Instrumentation)}
	runAuto := func(server string) *runner.Result {
		t.Helper()
		res, err := runner.Run(context.Background(), runner.Spec{Engine: runner.Auto, Server: load(t, server), Client: load(t, helloClient)}, opts)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	note := func(res *runner.Result) string {
		for _, ev := range res.Events {
			if ev.Side == event.Server && ev.Kind == event.Note && strings.HasPrefix(ev.Text, "ran with the Go compiler") {
				return ev.Text
			}
		}
		return ""
	}

	res := runAuto(helloServer)
	if !res.OK() || note(res) != "" {
		t.Errorf("a program the interpreter runs: failures %v, note %q", res.Failures, note(res))
	}

	for _, server := range []string{"testdata/programs/modern_server.go", "testdata/programs/multifile"} {
		res := runAuto(server)
		if !res.OK() {
			t.Fatalf("%s under auto: %v", server, res.Failures)
		}
		if n := note(res); n == "" {
			t.Errorf("%s: no note that the Go compiler ran it", server)
		}
		var listens, reads int
		for _, ev := range res.Events {
			if ev.Side == event.Server && ev.Kind == event.Listen {
				listens++
			}
			if ev.Side == event.Server && ev.Kind == event.Read {
				reads++
			}
		}
		if listens != 1 || reads == 0 {
			t.Errorf("%s: the compiled server's socket calls are missing (%d listens, %d reads)", server, listens, reads)
		}
		assertNoLeftovers(t, res)
	}

	res = runAuto("testdata/hostile/type_error.go")
	f, ok := res.Failed(runner.Compile)
	if !ok || !strings.Contains(f.Message, "type_error.go:8:2: undefined: conn") || !strings.Contains(f.Message, "conn.Write") {
		t.Errorf("want the compiler's error with the learner's path and line, got %v", res.Failures)
	}
}

// TestAutoRetriesAnInterpreterCrash: under auto, a program that the
// interpreter accepts but crashes in runs again compiled, and says so.
func TestAutoRetriesAnInterpreterCrash(t *testing.T) {
	if !runner.GoAvailable() {
		t.Skip("no go command on PATH")
	}
	opts := runner.Options{Command: runnertest.Command(), Builder: gobuild.New(t.TempDir(), runner.Instrumentation)}
	server := load(t, "testdata/programs/interpreter_crash.go")
	res, err := runner.Run(context.Background(), runner.Spec{Engine: runner.Yaegi, Server: server, Client: load(t, helloClient)}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Failed(runner.Panic); !ok {
		t.Fatalf("the interpreter no longer crashes on this program; pick another: %v", res.Failures)
	}
	res, err = runner.Run(context.Background(), runner.Spec{Engine: runner.Auto, Server: server, Client: load(t, helloClient)}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("under auto: %v", res.Failures)
	}
	found := false
	for _, ev := range res.Events {
		found = found || ev.Kind == event.Note && strings.Contains(ev.Text, "the interpreter crashed (")
	}
	if !found {
		t.Errorf("no note that the program ran again compiled")
	}
}

// TestHostileProgramsCompiled: broken programs end the same way built
// with the Go compiler as interpreted: a clear failure of the same
// reason, nothing left running, no port held.
func TestHostileProgramsCompiled(t *testing.T) {
	if testing.Short() || !runner.GoAvailable() {
		t.Skip("builds with the go command")
	}
	opts := runner.Options{Command: runnertest.Command(), MaxLines: 300, Builder: gobuild.New(t.TempDir(), runner.Instrumentation)}
	tests := []struct {
		server   string
		reason   runner.Reason
		contains string
		timeout  time.Duration
	}{
		{"type_error.go", runner.Compile, "type_error.go:8:2: undefined: conn", 0},
		{"panic_main.go", runner.Panic, "assignment to entry in nil map", 0},
		{"panic_goroutine.go", runner.Panic, "boom in a handler", 0},
		{"loop_forever.go", runner.Timeout, "timed out after 1.5s", 1500 * time.Millisecond},
		{"flood.go", runner.Flood, "printed more than 300 lines", 0},
		{"never_listens.go", runner.NeverListens, "before it listened", 0},
		{"wrong_addr.go", runner.WrongAddr, "but it was given -addr", 0},
		{"os_exit3.go", runner.ExitStatus, "exited with status 3", 0},
		{"log_fatal.go", runner.ExitStatus, "exited with status 1", 0},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.server, ".go"), func(t *testing.T) {
			res, err := runner.Run(context.Background(), runner.Spec{Engine: runner.GoToolchain, Server: load(t, filepath.Join("testdata/hostile", tt.server)), Client: load(t, helloClient), Timeout: tt.timeout}, opts)
			if err != nil {
				t.Fatal(err)
			}
			f, ok := res.Failed(tt.reason)
			if !ok || !strings.Contains(f.Message, tt.contains) {
				t.Fatalf("want a %s failure saying %q, got %v", tt.reason, tt.contains, res.Failures)
			}
			assertNoLeftovers(t, res)
		})
	}
}
