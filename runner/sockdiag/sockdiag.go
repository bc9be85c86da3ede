// Package sockdiag asks the kernel about the socket at the other end of a
// loopback TCP connection: how many bytes it has received and not read
// yet. The fault relay uses it to hand a reader one piece per Read, and
// the checkers to send a chopped message one byte per Read. Only Linux
// tells (through sock_diag netlink, as ss does); elsewhere Open fails
// with ErrUnsupported.
package sockdiag

import (
	"errors"
	"net"
)

// ErrUnsupported is returned where the kernel cannot be asked.
var ErrUnsupported = errors.New("sock_diag: not available on this system")

// Unread returns how many bytes the socket at the other end of c has
// received and not read yet, with one query.
func Unread(c *net.TCPConn) (int, error) {
	p, err := Open(c)
	if err != nil {
		return 0, err
	}
	defer p.Close()
	unread, _, err := p.State()
	return int(unread), err
}
