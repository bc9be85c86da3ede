package check_test

import (
	"context"
	"strings"
	"testing"

	"sockbook/runner"
	"sockbook/runner/check"
)

// TestNeedsMissingPrograms: an exercise whose scenarios need programs
// that are not on PATH (remote-cmd on Windows, which has no echo, cat, dd
// or sleep) is not checked: the error names what is missing, instead of
// failing a correct program.
func TestNeedsMissingPrograms(t *testing.T) {
	ex, err := check.Find("remote-cmd")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir())
	rep, err := check.Run(context.Background(), ex, runner.Program{Path: "solutions/remote-cmd/main.go"}, check.Options{})
	if err == nil || rep != nil {
		t.Fatalf("check ran with nothing on PATH: %v %+v", err, rep)
	}
	for _, want := range []string{"check remote-cmd: ", "run echo, cat, dd, sleep", "echo, cat, dd, sleep are not on PATH here"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q: %v", want, err)
		}
	}
}
