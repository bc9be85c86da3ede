package lessons_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"sockbook/lessons"
	"sockbook/runner"
	"sockbook/runner/event"
	"sockbook/runner/relay"
	"sockbook/runner/runnertest"
)

// events returns one side's events of one kind.
func events(res *runner.Result, side event.Side, kind event.Kind) []event.Event {
	var out []event.Event
	for _, ev := range res.Events {
		if ev.Side == side && ev.Kind == kind {
			out = append(out, ev)
		}
	}
	return out
}

func runSpec(t *testing.T, spec runner.Spec) *runner.Result {
	t.Helper()
	res, err := runner.Run(context.Background(), spec, runner.Options{Command: runnertest.Command()})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("run failed: %v", res.Failures)
	}
	return res
}

// TestTwoWritesAlwaysStick: with the lesson's coalescing relay, the
// client's two writes of 5 bytes are the server's one read of 10, on every
// run.
func TestTwoWritesAlwaysStick(t *testing.T) {
	l, err := lessons.Find("sticky/two-writes")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		spec, err := l.Spec()
		if err != nil {
			t.Fatal(err)
		}
		res := runSpec(t, spec)
		var writes []int
		for _, ev := range events(res, event.Client, event.Write) {
			writes = append(writes, ev.Bytes)
		}
		reads := events(res, event.Server, event.Read)
		if len(writes) != 2 || writes[0] != 5 || writes[1] != 5 {
			t.Fatalf("run %d: client writes %v, want [5 5]", i, writes)
		}
		if len(reads) != 1 || reads[0].Bytes != 10 || reads[0].Text != "helloworld" {
			t.Fatalf("run %d: server reads %+v, want one read of 10 bytes \"helloworld\"", i, reads)
		}
	}
}

// TestChopOneStillEchoes: chopped to single bytes, the echo lesson still
// works (its server frames lines), and the server sees 1-byte reads.
func TestChopOneStillEchoes(t *testing.T) {
	l, err := lessons.Find("basics/echo")
	if err != nil {
		t.Fatal(err)
	}
	spec, err := l.Spec()
	if err != nil {
		t.Fatal(err)
	}
	spec.Faults = relay.Plan{Chop: 1}
	res := runSpec(t, spec)
	var out []string
	for _, ev := range events(res, event.Client, event.Stdout) {
		out = append(out, ev.Text)
	}
	if got := strings.Join(out, "|"); got != "echo: hello|echo: sockets|echo: bye" {
		t.Errorf("client output %q", got)
	}
	reads := events(res, event.Server, event.Read)
	if len(reads) < len("hello\nsockets\nbye\n") {
		t.Errorf("want a read per byte, got %d reads", len(reads))
	}
	for _, r := range reads {
		if r.Bytes != 1 {
			t.Errorf("a read of %d bytes through --chop 1", r.Bytes)
		}
	}
}

// faultDecisions returns what the relay decided in a run: for a stream,
// where it cut it, as the sizes of the server's reads (the relay paces its
// pieces so that each is one read); for datagrams, its notes, which name
// each datagram's fate by number.
func faultDecisions(res *runner.Result, network string) string {
	var out []string
	if network == "udp" {
		for _, ev := range events(res, event.Net, event.Fault) {
			out = append(out, ev.Text)
		}
		return strings.Join(out, "\n")
	}
	for _, ev := range events(res, event.Server, event.Read) {
		out = append(out, fmt.Sprint(ev.Bytes))
	}
	return strings.Join(out, " ")
}

// TestSameSeedSameFaults: a seed makes the relay's random choices
// repeatable, for a chopped stream and for lost, duplicated and reordered
// datagrams.
func TestSameSeedSameFaults(t *testing.T) {
	tests := []struct {
		lesson string
		plan   relay.Plan
	}{
		{"headers/length-prefix", relay.Plan{Chop: 3, Seed: 7}},
		{"udp/echo", relay.Plan{Loss: 0.3, Dup: 0.2, Reorder: true, Seed: 42}},
	}
	for _, tt := range tests {
		t.Run(tt.lesson, func(t *testing.T) {
			l, err := lessons.Find(tt.lesson)
			if err != nil {
				t.Fatal(err)
			}
			var first string
			for i := range 3 {
				spec, err := l.Spec()
				if err != nil {
					t.Fatal(err)
				}
				spec.Faults = tt.plan
				got := faultDecisions(runSpec(t, spec), spec.Network)
				if got == "" {
					t.Fatalf("the relay made no decision to compare")
				}
				if i == 0 {
					first = got
				} else if got != first {
					t.Errorf("run %d made other choices with the same seed:\n%s\n--- first run:\n%s", i, got, first)
				}
			}
		})
	}
}
