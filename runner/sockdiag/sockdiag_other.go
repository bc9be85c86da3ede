//go:build !linux

package sockdiag

import "net"

// Peer would ask about the socket at the other end of a connection; only
// Linux tells.
type Peer struct{}

// Open fails: only Linux tells.
func Open(*net.TCPConn) (*Peer, error) { return nil, ErrUnsupported }

// State is never reached: Open fails.
func (*Peer) State() (uint32, int64, error) { return 0, -1, ErrUnsupported }

// Close does nothing.
func (*Peer) Close() error { return nil }

// Listening cannot tell: only Linux tells.
func Listening(string, int) (bool, error) { return false, ErrUnsupported }
