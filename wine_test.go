//go:build linux

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestUnderWine runs sockbook built for Windows under Wine: the runner's
// children, the event pipes they inherit as handles, the checker and the
// timeout that ends a program's whole Job Object. It runs only when
// SOCKBOOK_WINE names the wine command (bash .ci/wine sets it up), since
// CI has no Wine.
func TestUnderWine(t *testing.T) {
	wine := os.Getenv("SOCKBOOK_WINE")
	if wine == "" {
		t.Skip("SOCKBOOK_WINE is not set: bash .ci/wine runs this test under Wine")
	}
	exe := filepath.Join(t.TempDir(), "sockbook.exe")
	build := exec.Command("go", "build", "-o", exe, ".")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build for Windows: %v\n%s", err, out)
	}
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"run", "basics/hello", "--wire"}, 0, []string{
			"server │ ● listen tcp 127.0.0.1:", "client │ ● dial #1 connected to 127.0.0.1:",
			`server │ ← read #1 6 bytes "gopher"`, `client │ server said "hello, gopher"`, "server │ ■ exit status 0"}},
		{[]string{"check", "hello-once", "solutions/hello-once/main.go"}, 0, []string{"Passed: all "}},
		{[]string{"check", "line-frames", "solutions/line-frames/starter/main.go"}, 1, []string{"✘ longest-line", "Failed: "}},
		// A reset is WSAECONNRESET on Windows, which syscall.ECONNRESET
		// does not match: too-long-line failed the reference before.
		{[]string{"check", "line-frames", "solutions/line-frames/main.go"}, 0, []string{"Passed: all "}},
		// Windows has no echo, cat, dd or sleep: no verdict, but why.
		{[]string{"check", "remote-cmd", "solutions/remote-cmd/main.go"}, 1, []string{"not on PATH here", `Git for Windows has them in C:\Program Files\Git\usr\bin`}},
		{[]string{"run", "--server", "runner/testdata/hostile/loop_forever.go", "--client", "lessons/basics/hello/client/main.go", "--timeout", "3s"}, 1, []string{
			"timed out after 3s", "server │ ■ stopped by sockbook"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, wine, append([]string{exe}, tt.args...)...)
			cmd.Env = append(os.Environ(), "WINEDEBUG=-all")
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatalf("wine: %v\n%s", err, out.String())
			}
			if code != tt.code {
				t.Errorf("exit %d, want %d:\n%s", code, tt.code, out.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
