//go:build unix

package runner_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sockbook/runner"
	"sockbook/runner/gobuild"
	"sockbook/runner/listenwait"
	"sockbook/runner/runnertest"
)

// The benchmarks compare three ways to run the basics/echo pair (a server
// and a client exchanging three lines): sockbook's runner (each side
// interpreted in a child process), the same programs as prebuilt native
// binaries, and go run of both sources after an edit (what a learner
// without sockbook does). Run them together:
//
//	go test -run '^$' -bench Pair -benchtime 20x ./runner/
const (
	echoServer = "../lessons/basics/echo/server/main.go"
	echoClient = "../lessons/basics/echo/client/main.go"
	echoInput  = "hello\nsockets\nbye\n"
)

func BenchmarkPairRunner(b *testing.B) {
	server, client := loadB(b, echoServer), loadB(b, echoClient)
	command := runnertest.Command() // built before the clock starts
	var rss int64
	for b.Loop() {
		res, err := runner.Run(context.Background(), runner.Spec{Server: server, Client: client, Input: strings.NewReader(echoInput)},
			runner.Options{Command: command})
		if err != nil || !res.OK() {
			b.Fatalf("run: %v %v", err, res.Failures)
		}
		rss = max(rss, res.Exits["server"].MaxRSS, res.Exits["client"].MaxRSS)
	}
	b.ReportMetric(float64(rss)/(1<<20), "child-MB")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "parent-MB")
	}
}

func BenchmarkPairNative(b *testing.B) {
	dir := b.TempDir()
	serverBin := buildB(b, echoServer, filepath.Join(dir, "server"))
	clientBin := buildB(b, echoClient, filepath.Join(dir, "client"))
	for b.Loop() {
		runPairB(b, []string{serverBin}, []string{clientBin}, "")
	}
}

func BenchmarkPairGoRunAfterEdit(b *testing.B) {
	if testing.Short() {
		b.Skip("builds with the go command")
	}
	dir := b.TempDir()
	srv, cli := filepath.Join(dir, "server.go"), filepath.Join(dir, "client.go")
	for i := 0; b.Loop(); i++ {
		// An edit: the build cache cannot reuse the last build.
		for _, p := range []struct{ from, to string }{{echoServer, srv}, {echoClient, cli}} {
			src, err := os.ReadFile(p.from)
			if err != nil {
				b.Fatal(err)
			}
			src = fmt.Appendf(src, "\nvar edit%d = %d\n", i, time.Now().UnixNano())
			if err := os.WriteFile(p.to, src, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		runPairB(b, []string{"go", "run", srv}, []string{"go", "run", cli}, dir)
	}
}

// BenchmarkPairGoRunWarm is go run of both sources with nothing edited:
// the go command still checks the build cache and links nothing new.
func BenchmarkPairGoRunWarm(b *testing.B) {
	if testing.Short() {
		b.Skip("builds with the go command")
	}
	for b.Loop() {
		runPairB(b, []string{"go", "run", echoServer}, []string{"go", "run", echoClient}, "")
	}
}

func loadB(b *testing.B, path string) *runner.Program {
	p, err := runner.LoadProgram(path)
	if err != nil {
		b.Fatal(err)
	}
	return &p
}

func buildB(b *testing.B, src, out string) string {
	cmd := exec.Command("go", "build", "-o", out, src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", src, err, msg)
	}
	return out
}

// runPairB starts the server, waits until it listens (without dialing
// it), runs the client to its end and stops the server's process group.
func runPairB(b *testing.B, server, client []string, dir string) {
	addr, err := listenwait.FreePort("tcp")
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(server[0], append(server[1:], "-addr", addr)...)
	cmd.Dir = dir
	srv := runnertest.Start(b, cmd)
	defer srv.Kill()
	srv.WaitListening(b, "tcp", addr, 30*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cli := exec.CommandContext(ctx, client[0], append(client[1:], "-addr", addr)...)
	cli.Dir = dir
	cli.Stdin = strings.NewReader(echoInput)
	if out, err := cli.CombinedOutput(); err != nil || !strings.Contains(string(out), "echo: bye") {
		b.Fatalf("client: %v\n%s", err, out)
	}
}

// The engines, measured in the same run as the pairs above:
//
//	go test -run '^$' -bench 'Pair' -benchtime 10x ./runner/
//
// BenchmarkPairCompiledCached runs the echo pair with the Go compiler
// from the build cache (built once before the clock starts).
func BenchmarkPairCompiledCached(b *testing.B) {
	if testing.Short() {
		b.Skip("builds with the go command")
	}
	server, client := loadB(b, echoServer), loadB(b, echoClient)
	opts := runner.Options{Command: runnertest.Command(), Builder: gobuild.New(b.TempDir(), runner.Instrumentation)}
	runEngineB(b, runner.GoToolchain, server, client, opts) // warm the cache
	for b.Loop() {
		runEngineB(b, runner.GoToolchain, server, client, opts)
	}
}

// BenchmarkPairCompiledAfterEdit builds both programs anew on every run:
// what a learner waits for after each save under --engine go.
func BenchmarkPairCompiledAfterEdit(b *testing.B) {
	if testing.Short() {
		b.Skip("builds with the go command")
	}
	server, client := loadB(b, echoServer), loadB(b, echoClient)
	opts := runner.Options{Command: runnertest.Command(), Builder: gobuild.New(b.TempDir(), runner.Instrumentation)}
	for i := 0; b.Loop(); i++ {
		s, c := edited(server, i), edited(client, i)
		runEngineB(b, runner.GoToolchain, s, c, opts)
	}
}

// BenchmarkPairAutoFallback is the auto engine on a server the
// interpreter rejects (today's Go), from the build cache: the cost of
// trying the interpreter first.
func BenchmarkPairAutoFallback(b *testing.B) {
	if testing.Short() {
		b.Skip("builds with the go command")
	}
	server, client := loadB(b, "testdata/programs/modern_server.go"), loadB(b, "../lessons/basics/hello/client/main.go")
	opts := runner.Options{Command: runnertest.Command(), Builder: gobuild.New(b.TempDir(), runner.Instrumentation)}
	runEngineB(b, runner.Auto, server, client, opts)
	for b.Loop() {
		runEngineB(b, runner.Auto, server, client, opts)
	}
}

// BenchmarkPairAutoFallbackAfterEdit is the same after an edit: the
// interpreter's try, then a build.
func BenchmarkPairAutoFallbackAfterEdit(b *testing.B) {
	if testing.Short() {
		b.Skip("builds with the go command")
	}
	server, client := loadB(b, "testdata/programs/modern_server.go"), loadB(b, "../lessons/basics/hello/client/main.go")
	opts := runner.Options{Command: runnertest.Command(), Builder: gobuild.New(b.TempDir(), runner.Instrumentation)}
	for i := 0; b.Loop(); i++ {
		runEngineB(b, runner.Auto, edited(server, i), client, opts)
	}
}

// edited returns p with a line added, as an edit would.
func edited(p *runner.Program, i int) *runner.Program {
	q := *p
	q.Files = map[string][]byte{}
	for name, src := range p.Files {
		q.Files[name] = fmt.Appendf(append([]byte(nil), src...), "\nvar edit%d = %d\n", i, time.Now().UnixNano())
	}
	return &q
}

// runEngineB runs a pair on an engine and fails on any failure.
func runEngineB(b *testing.B, engine runner.Engine, server, client *runner.Program, opts runner.Options) {
	res, err := runner.Run(context.Background(), runner.Spec{Engine: engine, Server: server, Client: client, Input: strings.NewReader(echoInput)}, opts)
	if err != nil || !res.OK() {
		b.Fatalf("run: %v %v", err, res.Failures)
	}
}
