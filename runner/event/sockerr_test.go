package event_test

import (
	"errors"
	"io"
	"net"
	"os"
	"syscall"
	"testing"

	"sockbook/runner/event"
)

// opErr wraps errno the way package net returns it from a read.
func opErr(errno error) error {
	return &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", errno)}
}

// errCase is an error and what each classifier must say of it.
type errCase struct {
	err                             error
	reset, brokenPipe, refused, use bool
}

func TestSocketErrors(t *testing.T) {
	tests := []errCase{
		{opErr(syscall.ECONNRESET), true, false, false, false},
		{opErr(syscall.EPIPE), false, true, false, false},
		{opErr(syscall.ECONNREFUSED), false, false, true, false},
		{opErr(syscall.EADDRINUSE), false, false, false, true},
		{io.EOF, false, false, false, false},
		{errors.New("connection reset by peer"), false, false, false, false}, // words are not an errno
	}
	tests = append(tests, windowsCases()...)
	for _, tt := range tests {
		if got := event.IsReset(tt.err); got != tt.reset {
			t.Errorf("IsReset(%v) = %v", tt.err, got)
		}
		if got := event.IsBrokenPipe(tt.err); got != tt.brokenPipe {
			t.Errorf("IsBrokenPipe(%v) = %v", tt.err, got)
		}
		if got := event.IsRefused(tt.err); got != tt.refused {
			t.Errorf("IsRefused(%v) = %v", tt.err, got)
		}
		if got := event.IsAddrInUse(tt.err); got != tt.use {
			t.Errorf("IsAddrInUse(%v) = %v", tt.err, got)
		}
	}
}
