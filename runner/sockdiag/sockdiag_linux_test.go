//go:build linux

package sockdiag

import (
	"encoding/binary"
	"errors"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

func TestParseDiag(t *testing.T) {
	ne := binary.NativeEndian
	msg := func(typ uint16, body []byte) []byte {
		m := make([]byte, nlmsgHeader+len(body))
		ne.PutUint32(m[0:], uint32(len(m)))
		ne.PutUint16(m[4:], typ)
		copy(m[nlmsgHeader:], body)
		return m
	}
	errBody := make([]byte, 4)
	code := -int32(syscall.ENOENT)
	ne.PutUint32(errBody, uint32(code))
	okBody := make([]byte, diagMsgLen)
	ne.PutUint32(okBody[diagMsgRqueue:], 7)

	if _, _, err := parseDiag(msg(unix.NLMSG_ERROR, errBody)); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("error reply: got %v, want ENOENT", err)
	}
	if _, _, err := parseDiag([]byte{1, 2, 3}); err == nil {
		t.Error("a 3-byte reply parsed")
	}
	if _, _, err := parseDiag(msg(unix.SOCK_DIAG_BY_FAMILY, okBody[:10])); err == nil {
		t.Error("a short message parsed")
	}
	unread, received, err := parseDiag(msg(unix.SOCK_DIAG_BY_FAMILY, okBody))
	if err != nil || unread != 7 || received != -1 {
		t.Errorf("got %d unread, %d received, %v; want 7, -1 (not told), nil", unread, received, err)
	}
}
