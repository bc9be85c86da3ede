package runner

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"sockbook/runner/childproto"
	"sockbook/runner/event"
)

// TestStartFailureLeavesNothingWaiting: a child that cannot start (here:
// no such command) for a client started early, which would wait for the
// go, leaves no goroutine behind to hand it its config.
func TestStartFailureLeavesNothingWaiting(t *testing.T) {
	before := runtime.NumGoroutine()
	msgs := make(chan message, 16)
	missing := filepath.Join(t.TempDir(), "no-such-sockbook")
	// A goroutine that raced the failed start could write the config into
	// the pipe's buffer and then wait for the go for ever: try often.
	for range 50 {
		_, err := startProcess(procSpec{
			side:   event.Client,
			argv:   []string{missing, childproto.Arg},
			config: &childproto.Config{Side: event.Client, Path: "main.go", Files: map[string]string{"main.go": "package main\n"}},
			early:  true,
		}, msgs)
		if err == nil || !strings.Contains(err.Error(), "start client") {
			t.Fatalf("startProcess = %v, want an error that the client could not start", err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}
