// Package event defines the events a run is made of: each program's output
// lines and socket calls, the relay's fault decisions and the runner's own
// notes, each stamped with a time and the side it happened on.
package event

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Side names who an event belongs to.
type Side string

// The sides of a run.
const (
	Server Side = "server"
	Client Side = "client"
	Runner Side = "runner" // the runner itself: start, stop, verdicts
	Net    Side = "net"    // the fault-injection relay between the two programs
)

// Kind says what happened.
type Kind string

// The kinds of event.
const (
	Stdout     Kind = "stdout"     // one line the program wrote to standard output
	Stderr     Kind = "stderr"     // one line the program wrote to standard error
	Stdin      Kind = "stdin"      // one line fed to the program's standard input
	Listen     Kind = "listen"     // a listener or packet socket was opened; Addr is where
	Accept     Kind = "accept"     // a connection was accepted; Peer is the remote end
	Dial       Kind = "dial"       // a connection was made; Addr is the local end, Peer the remote
	Read       Kind = "read"       // Read returned Bytes bytes; Text previews them
	Write      Kind = "write"      // Write sent Bytes bytes; Text previews them
	ReadFrom   Kind = "readfrom"   // a datagram of Bytes bytes came from Peer
	WriteTo    Kind = "writeto"    // a datagram of Bytes bytes went to Peer
	Close      Kind = "close"      // a connection or listener was closed
	CloseWrite Kind = "closewrite" // the write half was closed (FIN sent)
	SockError  Kind = "sockerr"    // a socket call failed: EOF, reset, deadline; Err says which
	Fault      Kind = "fault"      // the relay changed the traffic; Text says how
	Start      Kind = "start"      // a program started
	Exit       Kind = "exit"       // a program ended; Code is its exit status
	Note       Kind = "note"       // a message from the runner
	Failure    Kind = "failure"    // the run went wrong: compile error, panic, timeout, flood
	// Waiting says the program is blocked waiting for a new connection or
	// datagram (Text is "accept" or "readfrom"). The runner uses it to see
	// that a server is idle; layouts do not show it.
	Waiting Kind = "waiting"
)

// Event is one thing that happened during a run.
type Event struct {
	// Time is the moment it happened, measured on a clock shared by all
	// processes on the machine (see Now).
	Time  time.Duration `json:"-"`
	Side  Side          `json:"side"`
	Kind  Kind          `json:"kind"`
	Text  string        `json:"text,omitempty"`
	Bytes int           `json:"bytes,omitempty"`
	Addr  string        `json:"addr,omitempty"`
	Peer  string        `json:"peer,omitempty"`
	Err   string        `json:"err,omitempty"`
	Conn  int           `json:"conn,omitempty"` // which connection of this side, from 1
	Code  int           `json:"code,omitempty"` // exit status, for Exit
}

// IsSocket reports whether the kind is a socket call, shown with --wire.
func (k Kind) IsSocket() bool {
	switch k {
	case Listen, Accept, Dial, Read, Write, ReadFrom, WriteTo, Close, CloseWrite, SockError:
		return true
	}
	return false
}

// PreviewLimit is the number of characters a payload preview keeps.
const PreviewLimit = 48

// Preview returns a printable, one-line view of a payload: printable text
// is kept, other bytes are escaped the way Go writes them in strings
// (\n, \x00), and a long payload keeps its start and end around "…".
func Preview(b []byte) string {
	const window = 4 * PreviewLimit // bytes enough for PreviewLimit escapes
	if len(b) <= window {
		if parts := escape(b); len(parts) <= PreviewLimit {
			return strings.Join(parts, "")
		}
	}
	head := escape(b[:min(len(b), window)])
	tail := escape(b[max(0, len(b)-window):])
	half := PreviewLimit / 2
	head = head[:min(len(head), half)]
	tail = tail[max(0, len(tail)-half+1):]
	return strings.Join(head, "") + "…" + strings.Join(tail, "")
}

// escape splits b into printable pieces, one per rune or escaped byte.
func escape(b []byte) []string {
	parts := make([]string, 0, len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == '\n':
			parts = append(parts, `\n`)
		case r == '\r':
			parts = append(parts, `\r`)
		case r == '\t':
			parts = append(parts, `\t`)
		case r == '\\':
			parts = append(parts, `\\`)
		case r == utf8.RuneError && size <= 1, r < 0x20, r == 0x7f:
			parts = append(parts, fmt.Sprintf(`\x%02x`, b[0]))
		default:
			parts = append(parts, string(r))
		}
		b = b[size:]
	}
	return parts
}
