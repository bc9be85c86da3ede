package check

import (
	"encoding/binary"
	"fmt"
	"net"
	"syscall"
)

// unreadBytes returns how many bytes the server's end of the TCP
// connection c has received and not yet read. It asks the kernel about
// exactly that socket with one sock_diag netlink request (what `ss` does),
// which costs microseconds where reading /proc/net/tcp costs milliseconds.
// A socket that is gone has none.
func unreadBytes(c *net.TCPConn) (int, error) {
	client := c.LocalAddr().(*net.TCPAddr)
	server := c.RemoteAddr().(*net.TCPAddr)
	family, srcIP, dstIP := byte(syscall.AF_INET), server.IP.To4(), client.IP.To4()
	if srcIP == nil || dstIP == nil {
		family, srcIP, dstIP = syscall.AF_INET6, server.IP.To16(), client.IP.To16()
	}

	// struct nlmsghdr, then struct inet_diag_req_v2 naming the server's
	// socket: its port and address are the "source".
	const reqLen = 16 + 56
	req := make([]byte, reqLen)
	binary.NativeEndian.PutUint32(req[0:], reqLen)
	binary.NativeEndian.PutUint16(req[4:], 20) // SOCK_DIAG_BY_FAMILY
	binary.NativeEndian.PutUint16(req[6:], syscall.NLM_F_REQUEST)
	binary.NativeEndian.PutUint32(req[8:], 1) // sequence number
	d := req[16:]
	d[0], d[1] = family, syscall.IPPROTO_TCP
	binary.NativeEndian.PutUint32(d[4:], 0xffffffff) // every TCP state
	binary.BigEndian.PutUint16(d[8:], uint16(server.Port))
	binary.BigEndian.PutUint16(d[10:], uint16(client.Port))
	copy(d[12:28], srcIP)
	copy(d[28:44], dstIP)
	binary.NativeEndian.PutUint32(d[48:], 0xffffffff) // no cookie
	binary.NativeEndian.PutUint32(d[52:], 0xffffffff)

	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, syscall.NETLINK_INET_DIAG)
	if err != nil {
		return 0, fmt.Errorf("sock_diag: %w", err)
	}
	defer syscall.Close(fd)
	tv := syscall.Timeval{Sec: 1}
	if err := syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv); err != nil {
		return 0, fmt.Errorf("sock_diag: %w", err)
	}
	if err := syscall.Sendto(fd, req, 0, &syscall.SockaddrNetlink{Family: syscall.AF_NETLINK}); err != nil {
		return 0, fmt.Errorf("sock_diag: %w", err)
	}
	buf := make([]byte, 4096)
	n, _, err := syscall.Recvfrom(fd, buf, 0)
	if err != nil {
		return 0, fmt.Errorf("sock_diag: %w", err)
	}
	if n < 16 {
		return 0, fmt.Errorf("sock_diag: short answer")
	}
	switch binary.NativeEndian.Uint16(buf[4:]) {
	case syscall.NLMSG_ERROR:
		if n >= 20 && syscall.Errno(-int32(binary.NativeEndian.Uint32(buf[16:]))) == syscall.ENOENT {
			return 0, nil // the socket is gone
		}
		return 0, fmt.Errorf("sock_diag: error answer")
	case 20:
		// struct inet_diag_msg: 4 bytes, the 48-byte socket id, expires,
		// then rqueue, the bytes not yet read.
		if n < 16+60 {
			return 0, fmt.Errorf("sock_diag: short answer")
		}
		return int(binary.NativeEndian.Uint32(buf[16+56:])), nil
	}
	return 0, fmt.Errorf("sock_diag: unexpected answer")
}
