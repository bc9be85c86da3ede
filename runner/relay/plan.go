// Package relay is the fault-injecting network between a client and a
// server: a loopback proxy that chops, merges and delays a TCP stream, or
// drops, duplicates, reorders and truncates UDP datagrams, on a seeded plan,
// and reports what it did as events.
//
// StartTCP and StartUDP start a relay in front of a server; clients connect
// or send to its Addr instead of the server's, and Close stops it.
package relay

import (
	"errors"
	"fmt"
	"time"
)

// Plan says which faults the relay injects. The zero Plan injects none.
// Chop and Coalesce apply to TCP; Loss, Dup, Reorder and Truncate to UDP;
// Delay and Seed to both. A relay refuses a plan with faults its network
// does not have.
type Plan struct {
	// Chop delivers a TCP stream in pieces of at most Chop bytes, each its
	// own Write (1 = byte by byte). With a zero Seed each read is cut into
	// pieces of exactly Chop bytes, the last one shorter. With a Seed the
	// piece sizes are drawn at random from [1, Chop], and the cuts fall at
	// the same stream offsets on every run with that seed. On Linux, pieces
	// of a Chop up to 16 KiB are paced: each is written only once the
	// receiver has read everything before it, so each comes to a Read of
	// its own (a receiver that stops reading for 200 ms gets the rest
	// unpaced until it catches up). Elsewhere a reader may get pieces that
	// arrived back to back in one read; a Delay keeps them apart.
	Chop int
	// Coalesce holds bytes briefly and delivers several writes as one: after
	// a read the relay keeps reading until the sender has been quiet for
	// 20 ms (200 ms at most), then delivers everything with one Write.
	Coalesce bool
	// Delay is added before each piece is delivered: each TCP read, or each
	// chopped piece of it, and each UDP datagram.
	Delay time.Duration
	// Loss is the probability that a datagram is dropped.
	Loss float64
	// Dup is the probability that a datagram is delivered twice.
	Dup float64
	// Reorder swaps datagrams: each one may be held back (with probability
	// 1/2) and sent after the next; a held datagram that nothing follows
	// for 100 ms is sent anyway.
	Reorder bool
	// Truncate cuts every datagram to at most Truncate bytes.
	Truncate int
	// Seed makes every random choice repeatable: the same seed and the same
	// traffic give the same choices on every run.
	Seed int64
}

// Active reports whether the plan injects any fault, and so whether a relay
// is needed at all.
func (p Plan) Active() bool {
	return p.Chop > 0 || p.Coalesce || p.Delay > 0 || p.Loss > 0 || p.Dup > 0 || p.Reorder || p.Truncate > 0
}

// validate reports a plan a relay on network ("tcp" or "udp") cannot follow.
func (p Plan) validate(network string) error {
	var errs []error
	if p.Chop < 0 {
		errs = append(errs, fmt.Errorf("chop %d is negative", p.Chop))
	}
	if p.Delay < 0 {
		errs = append(errs, fmt.Errorf("delay %v is negative", p.Delay))
	}
	if p.Truncate < 0 {
		errs = append(errs, fmt.Errorf("truncate %d is negative", p.Truncate))
	}
	if !(p.Loss >= 0 && p.Loss <= 1) {
		errs = append(errs, fmt.Errorf("loss %v is not a probability between 0 and 1", p.Loss))
	}
	if !(p.Dup >= 0 && p.Dup <= 1) {
		errs = append(errs, fmt.Errorf("dup %v is not a probability between 0 and 1", p.Dup))
	}
	switch network {
	case "tcp":
		if p.Loss > 0 || p.Dup > 0 || p.Reorder || p.Truncate > 0 {
			errs = append(errs, errors.New("loss, dup, reorder and truncate apply to UDP only"))
		}
	case "udp":
		if p.Chop > 0 || p.Coalesce {
			errs = append(errs, errors.New("chop and coalesce apply to TCP only"))
		}
	}
	return errors.Join(errs...)
}
