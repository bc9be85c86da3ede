package relay

import (
	"net"

	"sockbook/runner/sockdiag"
)

// pacer tells whether the program at the other end of one of the relay's
// loopback connections has read everything the relay wrote to it, by
// asking the kernel about that program's socket. Where the kernel cannot
// tell (only Linux does), there is no pacer: pieces are not paced, and a
// reader may get several in one read unless the plan has a Delay.
type pacer struct{ peer *sockdiag.Peer }

// newPacer returns a pacer for the receiver at the other end of c, or nil.
func newPacer(c *net.TCPConn) *pacer {
	peer, err := sockdiag.Open(c)
	if err != nil {
		return nil
	}
	return &pacer{peer: peer}
}

// drained reports whether the receiver has taken in all written bytes
// and read every one of them.
func (p *pacer) drained(written int64) (bool, error) {
	unread, received, err := p.peer.State()
	if err != nil {
		return false, err
	}
	return unread == 0 && (received < 0 || received >= written), nil
}

// close releases what the pacer holds.
func (p *pacer) close() { p.peer.Close() }
