//go:build linux

package sockdiag

import (
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/sys/unix"
)

// Kernel socket states (include/net/tcp_states.h) that Listening looks for.
const (
	stateClose  = 7  // TCP_CLOSE: for UDP, a bound socket with no peer
	stateListen = 10 // TCP_LISTEN
)

// Listening reports whether a socket on this machine listens (TCP) or is
// bound without a peer (UDP) on the given port, on any local address, in
// either address family. It asks the kernel with one sock_diag dump per
// family, as ss does; it connects to nothing.
func Listening(network string, port int) (bool, error) {
	proto, state := uint8(unix.IPPROTO_TCP), uint32(stateListen)
	switch network {
	case "tcp", "tcp4", "tcp6", "":
	case "udp", "udp4", "udp6":
		proto, state = unix.IPPROTO_UDP, stateClose
	default:
		return false, fmt.Errorf("listening on %s: unknown network", network)
	}
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, unix.NETLINK_SOCK_DIAG)
	if err != nil {
		return false, fmt.Errorf("sock_diag: %w", err)
	}
	defer unix.Close(fd)
	// The kernel answers at once; the bound only guards against a kernel
	// that never does.
	tv := unix.Timeval{Sec: 2}
	if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv); err != nil {
		return false, fmt.Errorf("sock_diag: %w", err)
	}
	for _, family := range []uint8{unix.AF_INET, unix.AF_INET6} {
		found, err := dumpHasPort(fd, family, proto, 1<<state, uint16(port))
		if err != nil || found {
			return found, err
		}
	}
	return false, nil
}

// dumpHasPort dumps the sockets of one family and protocol in the given
// states and reports whether one has the local port.
func dumpHasPort(fd int, family, proto uint8, states uint32, port uint16) (bool, error) {
	ne := binary.NativeEndian
	req := make([]byte, nlmsgHeader+diagReqLen)
	ne.PutUint32(req[0:], uint32(len(req)))
	ne.PutUint16(req[4:], unix.SOCK_DIAG_BY_FAMILY)
	ne.PutUint16(req[6:], unix.NLM_F_REQUEST|unix.NLM_F_DUMP)
	ne.PutUint32(req[8:], 1)
	b := req[nlmsgHeader:]
	b[0], b[1] = family, proto
	ne.PutUint32(b[4:], states)
	ne.PutUint32(b[8+40:], diagNoCookie)
	ne.PutUint32(b[8+44:], diagNoCookie)
	if err := unix.Sendto(fd, req, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return false, fmt.Errorf("sock_diag: %w", err)
	}
	buf := make([]byte, 32<<10)
	found := false
	for {
		n, _, err := unix.Recvfrom(fd, buf, 0)
		if err != nil {
			return false, fmt.Errorf("sock_diag: %w", err)
		}
		done, hit, err := scanDump(buf[:n], port)
		if err != nil {
			return false, err
		}
		found = found || hit
		if done {
			return found, nil
		}
	}
}

// scanDump reads one datagram of a dump's reply: whether the dump is
// over, and whether a socket in it has the local port.
func scanDump(msgs []byte, port uint16) (done, found bool, err error) {
	ne := binary.NativeEndian
	for len(msgs) >= nlmsgHeader {
		size := int(ne.Uint32(msgs[0:]))
		if size < nlmsgHeader || size > len(msgs) {
			return false, false, errors.New("sock_diag: bad reply length")
		}
		switch ne.Uint16(msgs[4:]) {
		case unix.NLMSG_DONE:
			return true, found, nil
		case unix.NLMSG_ERROR:
			if size >= nlmsgHeader+4 {
				if code := int32(ne.Uint32(msgs[nlmsgHeader:])); code < 0 {
					return false, false, fmt.Errorf("sock_diag: %w", unix.Errno(-code))
				}
			}
			return false, false, errors.New("sock_diag: error reply")
		default:
			// struct inet_diag_msg: family, state, timer, retrans, then
			// the socket id, whose first field is the local port.
			if body := msgs[nlmsgHeader:size]; len(body) >= 6 && binary.BigEndian.Uint16(body[4:]) == port {
				found = true
			}
		}
		msgs = msgs[min((size+3)&^3, len(msgs)):]
	}
	return false, found, nil
}
