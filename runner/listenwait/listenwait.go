// Package listenwait tells when a port has a listener on it without
// connecting to it: a probe connection would be accepted as a server's one
// and only client. It asks the kernel through package sockdiag, the one
// place that reads the kernel's socket tables (Linux only).
package listenwait

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	"sockbook/runner/sockdiag"
)

// ErrUnsupported is returned where the system cannot tell.
var ErrUnsupported = sockdiag.ErrUnsupported

// Listening reports whether a socket is listening (TCP) or bound (UDP) on
// the given port, on any local address.
func Listening(network string, port int) (bool, error) {
	return sockdiag.Listening(network, port)
}

// Wait polls until something listens on addr's port, or ctx ends.
func Wait(ctx context.Context, network, addr string) error {
	_, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("wait for %s: %w", addr, err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return fmt.Errorf("wait for %s: bad port: %w", addr, err)
	}
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		ok, err := Listening(network, port)
		if err != nil {
			return fmt.Errorf("wait for %s: %w", addr, err)
		}
		if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for %s %s: %w", network, addr, ctx.Err())
		case <-tick.C:
		}
	}
}

// FreePort returns a loopback address with a port that was free a moment ago.
func FreePort(network string) (string, error) {
	switch network {
	case "udp", "udp4", "udp6":
		c, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			return "", fmt.Errorf("find a free udp port: %w", err)
		}
		defer c.Close()
		return c.LocalAddr().String(), nil
	default:
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", fmt.Errorf("find a free tcp port: %w", err)
		}
		defer l.Close()
		return l.Addr().String(), nil
	}
}
