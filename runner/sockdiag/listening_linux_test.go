//go:build linux

package sockdiag

import (
	"net"
	"testing"
)

func port(t *testing.T, addr net.Addr) int {
	t.Helper()
	_, p, err := net.SplitHostPort(addr.String())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range p {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestListening(t *testing.T) {
	tcp4, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer tcp4.Close()
	udp, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer udp.Close()
	// A connection's own ends are not listeners.
	client, err := net.Dial("tcp", tcp4.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := port(t, closed.Addr())
	closed.Close()

	tests := []struct {
		name    string
		network string
		port    int
		want    bool
	}{
		{"a TCP listener", "tcp", port(t, tcp4.Addr()), true},
		{"a bound UDP socket", "udp", port(t, udp.LocalAddr()), true},
		{"a UDP port is not a TCP listener", "tcp", port(t, udp.LocalAddr()), false},
		{"a client's end of a connection", "tcp", port(t, client.LocalAddr()), false},
		{"a closed listener", "tcp", closedPort, false},
	}
	if tcp6, err := net.Listen("tcp6", "[::1]:0"); err == nil {
		defer tcp6.Close()
		tests = append(tests, struct {
			name    string
			network string
			port    int
			want    bool
		}{"an IPv6 listener", "tcp", port(t, tcp6.Addr()), true})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Listening(tt.network, tt.port)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Listening(%s, %d) = %v, want %v", tt.network, tt.port, got, tt.want)
			}
		})
	}
}
