package lessons

import (
	"time"

	"sockbook/runner/relay"
)

// sticky holds the lessons of the sticky chapter, in reading order.
var sticky = []Lesson{
	{
		ID:     "sticky/two-writes",
		Title:  "Two Writes, one Read: the messages stick together",
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
		// Coalesce gathers the stream in 256 KiB chunks, so that every
		// piece is 64 KiB; the Delay lets the server read them one by one.
		Faults: relay.Plan{Chop: 65536, Coalesce: true, Delay: 5 * time.Millisecond},
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
		Title:  "Right: io.ReadFull fills the whole buffer",
		Faults: relay.Plan{Chop: 4, Delay: 10 * time.Millisecond},
		Wire:   true,
	},
	{
		ID:     "sticky/fixed-size",
		Title:  "Cure 1: every message is 16 bytes",
		Faults: relay.Plan{Coalesce: true},
		Wire:   true,
	},
	{
		ID:     "sticky/delimiter",
		Title:  "Cure 2: a newline ends each message",
		Faults: relay.Plan{Coalesce: true},
		Wire:   true,
	},
	{
		ID:     "sticky/length-prefix",
		Title:  "Cure 3: a 4-byte length before each message",
		Faults: relay.Plan{Chop: 3, Delay: 10 * time.Millisecond},
		Wire:   true,
	},
}
