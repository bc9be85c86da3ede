// Package relay is the fault-injecting network between a client and a
// server: a loopback proxy that chops, merges and delays a TCP stream, or
// drops, duplicates, reorders and truncates UDP datagrams, on a seeded plan,
// and reports what it did as events.
package relay

import "time"

// Plan says which faults the relay injects. The zero Plan injects none.
type Plan struct {
	// Chop delivers a TCP stream in pieces of at most Chop bytes (1 = byte by byte).
	Chop int
	// Coalesce holds bytes briefly and delivers several writes as one.
	Coalesce bool
	// Delay is added before each piece is delivered.
	Delay time.Duration
	// Loss is the probability that a datagram is dropped.
	Loss float64
	// Dup is the probability that a datagram is delivered twice.
	Dup float64
	// Reorder swaps datagrams: each one may be held back and sent after the next.
	Reorder bool
	// Truncate cuts every datagram to at most Truncate bytes.
	Truncate int
	// Seed makes every random choice repeatable.
	Seed int64
}

// Active reports whether the plan injects any fault, and so whether a relay
// is needed at all.
func (p Plan) Active() bool {
	return p.Chop > 0 || p.Coalesce || p.Delay > 0 || p.Loss > 0 || p.Dup > 0 || p.Reorder || p.Truncate > 0
}
