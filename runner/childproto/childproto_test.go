package childproto

import (
	"encoding/json"
	"testing"

	"sockbook/runner/event"
)

func TestFailureReasonRoundTrip(t *testing.T) {
	for _, reason := range []Reason{Compile, Panic, Timeout, Flood, NeverListens, WrongAddr, ExitStatus, Interrupted, Limit, Internal} {
		b, err := json.Marshal(Message{T: 1, Event: Failure(reason, "text")})
		if err != nil {
			t.Fatal(err)
		}
		var m Message
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		if got := FailureReason(m.Event); got != reason || m.Kind != event.Failure || m.Text != "text" {
			t.Errorf("%s: came back as reason %q, kind %q, text %q", reason, got, m.Kind, m.Text)
		}
	}
}

func TestFailureWithoutReasonIsAPanic(t *testing.T) {
	if got := FailureReason(event.Event{Kind: event.Failure, Text: "boom"}); got != Panic {
		t.Errorf("reason = %q, want %q", got, Panic)
	}
}
