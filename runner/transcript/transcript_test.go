package transcript_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"sockbook/runner/event"
	"sockbook/runner/transcript"
)

// Events that need wrapping at 40 columns: a CJK line (2 columns a
// character, no spaces), a long line with spaces, and a line longer than
// the width without any.
var (
	cjk    = event.Event{Side: event.Server, Kind: event.Stdout, Text: "服务器收到了一条很长的消息，然后关闭了连接。"}
	long   = event.Event{Side: event.Client, Kind: event.Stdout, Text: "the quick brown fox jumps over the lazy dog and keeps on running"}
	digits = event.Event{Side: event.Server, Kind: event.Stdout, Text: "0123456789012345678901234567890123456789012345"}
	mixed  = event.Event{Side: event.Client, Kind: event.Stdout, Text: "粘包 sticky"}
	note   = event.Event{Side: event.Runner, Kind: event.Note, Text: "both programs ran to the end and nothing more happened", Time: 1500 * time.Millisecond}

	hello = event.Event{Side: event.Server, Kind: event.Stdout, Text: "hello", Time: 1250 * time.Millisecond}
	start = event.Event{Side: event.Server, Kind: event.Start, Text: "server"}
	read  = event.Event{Side: event.Server, Kind: event.Read, Conn: 1, Bytes: 5, Text: "hello", Time: 1500 * time.Millisecond}
	wait  = event.Event{Side: event.Server, Kind: event.Waiting, Text: "accept"}
)

func TestPrint(t *testing.T) {
	tests := []struct {
		name   string
		opts   transcript.Options
		events []event.Event
		want   string
	}{
		{
			name:   "interleaved wraps by visible width",
			opts:   transcript.Options{Layout: transcript.Interleaved, Width: 40},
			events: []event.Event{cjk, long, digits, mixed, note},
			want: "" +
				"server │ 服务器收到了一条很长的消息，然\n" +
				"       │ 后关闭了连接。\n" +
				"client │ the quick brown fox jumps over\n" +
				"       │ the lazy dog and keeps on\n" +
				"       │ running\n" +
				"server │ 0123456789012345678901234567890\n" +
				"       │ 123456789012345\n" +
				"client │ 粘包 sticky\n" +
				"runner │ ℹ both programs ran to the end\n" +
				"       │ and nothing more happened\n",
		},
		{
			name:   "interleaved with times",
			opts:   transcript.Options{Layout: transcript.Interleaved, Width: 40, Times: true},
			events: []event.Event{hello, cjk},
			want: "" +
				"  1.250s server │ hello\n" +
				"  0.000s server │ 服务器收到了一条很长的\n" +
				"                │ 消息，然后关闭了连接。\n",
		},
		{
			name:   "columns wraps and pads by visible width",
			opts:   transcript.Options{Layout: transcript.Columns, Width: 40},
			events: []event.Event{cjk, long, digits, mixed, note},
			want: "" +
				"服务器收到了一条很 │ \n" +
				"长的消息，然后关闭 │ \n" +
				"了连接。           │ \n" +
				"                   │ the quick brown\n" +
				"                   │ fox jumps over the\n" +
				"                   │ lazy dog and keeps\n" +
				"                   │ on running\n" +
				"012345678901234567 │ \n" +
				"890123456789012345 │ \n" +
				"6789012345         │ \n" +
				"                   │ 粘包 sticky\n" +
				"runner: ℹ both programs ran to the end\n" +
				"and nothing more happened\n",
		},
		{
			name: "tabs expand before measuring",
			opts: transcript.Options{Layout: transcript.Columns, Width: 40},
			events: []event.Event{
				{Side: event.Server, Kind: event.Stdout, Text: "id\tname"},
				{Side: event.Client, Kind: event.Stdout, Text: "粘\tx"},
			},
			want: "" +
				"id      name       │ \n" +
				"                   │ 粘      x\n",
		},
		{
			name:   "wire events hidden without Wire",
			opts:   transcript.Options{Layout: transcript.Interleaved, Width: 80},
			events: []event.Event{start, wait, read, hello},
			want:   "server │ hello\n",
		},
		{
			name:   "wire events shown with Wire",
			opts:   transcript.Options{Layout: transcript.Interleaved, Width: 80, Wire: true},
			events: []event.Event{start, wait, read, hello},
			want: "" +
				"server │ ← read #1 5 bytes \"hello\"\n" +
				"server │ hello\n",
		},
		{
			name:   "columns hide wire events without Wire",
			opts:   transcript.Options{Layout: transcript.Columns, Width: 40},
			events: []event.Event{read, hello},
			want:   "hello              │ \n",
		},
		{
			name:   "plain has no times and does not wrap",
			opts:   transcript.Options{Layout: transcript.Plain, Width: 40, Times: true, Wire: true},
			events: []event.Event{start, read, hello, cjk, note},
			want: "" +
				"server: ← read #1 5 bytes \"hello\"\n" +
				"server: hello\n" +
				"server: 服务器收到了一条很长的消息，然后关闭了连接。\n" +
				"runner: ℹ both programs ran to the end and nothing more happened\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := printed(t, tt.events, tt.opts)
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if strings.ContainsRune(got, ansi.ESC) {
				t.Errorf("escape code with Color off: %q", got)
			}
			if tt.opts.Layout == transcript.Plain {
				return
			}
			for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				if w := ansi.StringWidth(l); w > tt.opts.Width {
					t.Errorf("line %q is %d columns, wider than %d", l, w, tt.opts.Width)
				}
			}
		})
	}
}

// TestPrintColor checks that Color adds escape codes and nothing else,
// and that without it a program's own escape codes are dropped too.
func TestPrintColor(t *testing.T) {
	red := event.Event{Side: event.Client, Kind: event.Stdout, Text: "\x1b[31mred\x1b[0m alert"}
	fail := event.Event{Side: event.Runner, Kind: event.Failure, Text: "server did not answer"}
	events := []event.Event{cjk, long, red, read, fail}
	for _, layout := range []transcript.Layout{transcript.Interleaved, transcript.Columns, transcript.Plain} {
		t.Run(string(layout), func(t *testing.T) {
			opts := transcript.Options{Layout: layout, Width: 40, Wire: true}
			plain := printed(t, events, opts)
			opts.Color = true
			coloured := printed(t, events, opts)
			if strings.ContainsRune(plain, ansi.ESC) {
				t.Errorf("escape code with Color off:\n%q", plain)
			}
			if !strings.ContainsRune(coloured, ansi.ESC) {
				t.Errorf("no escape code with Color on:\n%q", coloured)
			}
			if stripped := ansi.Strip(coloured); stripped != plain {
				t.Errorf("coloured output without its escape codes =\n%s\nwant the plain output\n%s", stripped, plain)
			}
		})
	}
}

func TestPrintJSON(t *testing.T) {
	events := []event.Event{start, wait, read, hello}
	out := printed(t, events, transcript.Options{Layout: transcript.JSON, Color: true})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []struct {
		t     float64
		side  string
		kind  string
		text  string
		bytes float64 // absent (0) unless the event moved bytes
	}{
		{0, "server", "start", "server", 0},
		{1.5, "server", "read", "hello", 5},
		{1.25, "server", "stdout", "hello", 0},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d (every event but waiting, wire events included):\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		var got map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatalf("line %d %q: %v", i+1, lines[i], err)
		}
		if tv, ok := got["t"].(float64); !ok || tv != w.t {
			t.Errorf("line %d: t = %v, want %v", i+1, got["t"], w.t)
		}
		for key, value := range map[string]string{"side": w.side, "kind": w.kind, "text": w.text} {
			if got[key] != value {
				t.Errorf("line %d: %s = %v, want %q", i+1, key, got[key], value)
			}
		}
		if b, _ := got["bytes"].(float64); b != w.bytes {
			t.Errorf("line %d: bytes = %v, want %v", i+1, got["bytes"], w.bytes)
		}
	}
	if strings.ContainsRune(out, ansi.ESC) {
		t.Errorf("escape code in JSON: %q", out)
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		opts transcript.Options
		want string
	}{
		{transcript.Options{Layout: transcript.Columns, Width: 40}, "server             │ client"},
		{transcript.Options{Layout: transcript.Columns, Width: 40, Times: true}, "         server         │ client"},
		{transcript.Options{Layout: transcript.Interleaved, Width: 40}, ""},
	}
	for _, tt := range tests {
		if got := transcript.Header(tt.opts); got != tt.want {
			t.Errorf("Header(%+v) = %q, want %q", tt.opts, got, tt.want)
		}
	}
}

// printed returns what Print writes for events.
func printed(t *testing.T, events []event.Event, opts transcript.Options) string {
	t.Helper()
	var b strings.Builder
	if err := transcript.Print(&b, events, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
