//go:build linux

package sockdiag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Peer asks the kernel, again and again, about the socket at the other end
// of one loopback TCP connection.
type Peer struct {
	fd  int    // netlink socket
	req []byte // the query, built once
	buf []byte // room for the reply
}

// Offsets in the kernel's sock_diag messages (linux/inet_diag.h).
const (
	nlmsgHeader   = 16 // struct nlmsghdr
	diagReqLen    = 56 // struct inet_diag_req_v2
	diagMsgRqueue = 56 // idiag_rqueue in struct inet_diag_msg
	diagMsgLen    = 72 // struct inet_diag_msg, then attributes
	diagInfo      = 2  // INET_DIAG_INFO: the attribute holding struct tcp_info
	diagNoCookie  = 0xffffffff
)

// Open returns a Peer for the socket at the other end of c, which must
// be on this machine. It needs no privilege.
func Open(c *net.TCPConn) (*Peer, error) {
	local, err1 := netip.ParseAddrPort(c.RemoteAddr().String()) // the peer's own end
	remote, err2 := netip.ParseAddrPort(c.LocalAddr().String()) // ours
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("sock_diag: %w", errors.Join(err1, err2))
	}
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, unix.NETLINK_SOCK_DIAG)
	if err != nil {
		return nil, fmt.Errorf("sock_diag: %w", err)
	}
	return &Peer{fd: fd, req: diagRequest(local, remote), buf: make([]byte, 4096)}, nil
}

// State returns how many bytes the peer socket holds unread, and how many
// it has received in all (-1 when the kernel does not say). A socket that
// is gone holds nothing.
func (p *Peer) State() (unread uint32, received int64, err error) {
	if err := unix.Sendto(p.fd, p.req, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return 0, 0, fmt.Errorf("sock_diag: %w", err)
	}
	// The kernel answers before sendto returns: never wait for it.
	n, _, err := unix.Recvfrom(p.fd, p.buf, unix.MSG_DONTWAIT)
	if err != nil {
		return 0, 0, fmt.Errorf("sock_diag: %w", err)
	}
	unread, received, err = parseDiag(p.buf[:n])
	if errors.Is(err, syscall.ENOENT) {
		return 0, -1, nil
	}
	return unread, received, err
}

// Close releases the netlink socket.
func (p *Peer) Close() error { return unix.Close(p.fd) }

// diagRequest builds a sock_diag query for the TCP socket whose own end
// is local and whose peer is remote, asking for its tcp_info too.
func diagRequest(local, remote netip.AddrPort) []byte {
	ne := binary.NativeEndian
	req := make([]byte, nlmsgHeader+diagReqLen)
	ne.PutUint32(req[0:], uint32(len(req)))
	ne.PutUint16(req[4:], unix.SOCK_DIAG_BY_FAMILY)
	ne.PutUint16(req[6:], unix.NLM_F_REQUEST)
	ne.PutUint32(req[8:], 1) // sequence number
	b := req[nlmsgHeader:]
	b[0] = unix.AF_INET6
	if local.Addr().Unmap().Is4() && remote.Addr().Unmap().Is4() {
		b[0] = unix.AF_INET
	}
	b[1] = unix.IPPROTO_TCP
	b[2] = 1 << (diagInfo - 1)
	ne.PutUint32(b[4:], 0xffffffff) // any state
	id := b[8:]                     // struct inet_diag_sockid, ports and addresses big-endian
	binary.BigEndian.PutUint16(id[0:], local.Port())
	binary.BigEndian.PutUint16(id[2:], remote.Port())
	putAddr(id[4:20], local.Addr(), b[0])
	putAddr(id[20:36], remote.Addr(), b[0])
	ne.PutUint32(id[40:], diagNoCookie)
	ne.PutUint32(id[44:], diagNoCookie)
	return req
}

func putAddr(dst []byte, a netip.Addr, family byte) {
	if family == unix.AF_INET {
		a4 := a.Unmap().As4()
		copy(dst, a4[:])
		return
	}
	a16 := a.As16()
	copy(dst, a16[:])
}

// parseDiag returns from a sock_diag reply the bytes the socket holds
// unread and the bytes it has received in all (-1 when the kernel does
// not say).
func parseDiag(msg []byte) (unread uint32, received int64, err error) {
	ne := binary.NativeEndian
	if len(msg) < nlmsgHeader {
		return 0, 0, errors.New("sock_diag: short reply")
	}
	size := int(ne.Uint32(msg[0:]))
	if size > len(msg) || size < nlmsgHeader {
		return 0, 0, errors.New("sock_diag: bad reply length")
	}
	if ne.Uint16(msg[4:]) == unix.NLMSG_ERROR {
		if size >= nlmsgHeader+4 {
			if code := int32(ne.Uint32(msg[nlmsgHeader:])); code < 0 {
				return 0, 0, fmt.Errorf("sock_diag: %w", syscall.Errno(-code))
			}
		}
		return 0, 0, errors.New("sock_diag: error reply")
	}
	body := msg[nlmsgHeader:size]
	if len(body) < diagMsgLen {
		return 0, 0, errors.New("sock_diag: short message")
	}
	unread = ne.Uint32(body[diagMsgRqueue:])
	received = -1
	for attrs := body[diagMsgLen:]; len(attrs) >= 4; {
		l, typ := int(ne.Uint16(attrs[0:])), ne.Uint16(attrs[2:])
		if l < 4 || l > len(attrs) {
			break
		}
		const off = unsafe.Offsetof(unix.TCPInfo{}.Bytes_received)
		if info := attrs[4:l]; typ == diagInfo && len(info) >= int(off)+8 {
			received = int64(ne.Uint64(info[off:]))
		}
		attrs = attrs[min((l+3)&^3, len(attrs)):]
	}
	return unread, received, nil
}
