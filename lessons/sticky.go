package lessons

import (
	"time"

	"sockbook/runner/relay"
)

// sticky holds the lessons of the sticky chapter, in reading order.
var sticky = []Lesson{
	{
		ID:    "sticky/two-writes",
		Title: "Two Writes, one Read: the messages stick together",
		// The relay delivers the two writes as one, and the server
		// waits before its Read besides: both writes are in its
		// receive buffer when it reads, on every run.
		Faults: relay.Plan{Coalesce: true},
		Wire:   true,
	},
	{
		ID:    "sticky/half-read",
		Title: "One Write, two Reads: a message read in halves",
		Wire:  true,
	},
	{
		ID:    "sticky/big-write",
		Title: "One Write of 1 MiB arrives as many Reads",
		// The relay gathers the whole write (Coalesce), then hands it
		// over in 16 KiB pieces, each once the server has read the one
		// before (it paces pieces up to 16 KiB): every piece is one
		// Read, the same 64 reads on every run.
		Faults: relay.Plan{Chop: 16384, Coalesce: true},
		Wire:   true,
	},
	{
		ID:    "sticky/one-read-wrong",
		Title: "Wrong: trusting one Read for a whole message",
		// 4-byte pieces: the length arrives whole, the body does not.
		// The Delay has the server read each piece on its own.
		Faults: relay.Plan{Chop: 4, Delay: 10 * time.Millisecond},
		Wire:   true,
	},
	{
		ID:     "sticky/one-read-right",
		Fixes:  "sticky/one-read-wrong",
		Title:  "Right: io.ReadFull fills the whole buffer",
		Faults: relay.Plan{Chop: 4, Delay: 10 * time.Millisecond},
		Wire:   true,
	},
	{
		// No wire in the sendall lessons: how much the kernel takes
		// before the deadline differs from run to run; the lines the
		// programs print do not.
		ID:    "sticky/sendall-wrong",
		Title: "Wrong: Write's count and error ignored, bytes lost unseen",
	},
	{
		ID:    "sticky/sendall-right",
		Fixes: "sticky/sendall-wrong",
		Title: "Right: Write sends everything, or says how much and why",
	},
	{
		ID:    "sticky/nodelay",
		Title: "Nagle is off in Go: TCP_NODELAY is 1 until SetNoDelay(false)",
	},
	{
		ID:    "sticky/fixed-size",
		Title: "Cure 1: every message is 16 bytes",
		// 12-byte pieces: every message is cut, and two pieces hold
		// the end of one message and the start of the next.
		Faults: relay.Plan{Chop: 12, Delay: 25 * time.Millisecond},
		Wire:   true,
	},
	{
		ID:    "sticky/delimiter",
		Title: "Cure 2: a newline ends each message",
		// 7-byte pieces: "hello\ns", "ticky\nw", "orld\n".
		Faults: relay.Plan{Chop: 7, Delay: 25 * time.Millisecond},
		Wire:   true,
	},
	{
		ID:     "sticky/length-prefix",
		Title:  "Cure 3: a 4-byte length before each message",
		Faults: relay.Plan{Chop: 3, Delay: 25 * time.Millisecond},
		Wire:   true,
	},
}
