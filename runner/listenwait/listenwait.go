// Package listenwait tells when a port has a listener on it without
// connecting to it: a probe connection would be accepted as a server's one
// and only client. On Linux it reads the kernel's socket tables in /proc.
package listenwait

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"
)

// ErrUnsupported is returned where the socket tables cannot be read.
var ErrUnsupported = errors.New("cannot see listening sockets on this system")

// Listening reports whether a socket is listening (TCP) or bound (UDP) on
// the given port, on any local address.
func Listening(network string, port int) (bool, error) {
	var files []string
	var state string
	switch network {
	case "tcp", "tcp4", "tcp6", "":
		files, state = []string{"/proc/net/tcp", "/proc/net/tcp6"}, "0A" // TCP_LISTEN
	case "udp", "udp4", "udp6":
		files, state = []string{"/proc/net/udp", "/proc/net/udp6"}, "07" // TCP_CLOSE: an unconnected bound socket
	default:
		return false, fmt.Errorf("listening on %s: unknown network", network)
	}
	seen := false
	for _, name := range files {
		found, err := scan(name, port, state)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return false, err
		}
		seen = true
		if found {
			return true, nil
		}
	}
	if !seen {
		return false, ErrUnsupported
	}
	return false, nil
}

func scan(name string, port int, state string) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	want := fmt.Sprintf(":%04X", port)
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 {
			continue
		}
		if strings.HasSuffix(fields[1], want) && fields[3] == state {
			return true, nil
		}
	}
	return false, sc.Err()
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
