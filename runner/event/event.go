// Package event defines the events a run is made of: each program's output
// lines and socket calls, the relay's fault decisions and the runner's own
// notes, each stamped with a time and the side it happened on.
package event

import (
	"time"
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
