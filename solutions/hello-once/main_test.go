package main

import (
	"bytes"
	"io"
	"net"
	"testing"
)

func TestReply(t *testing.T) {
	tests := []struct{ msg, want string }{
		{"", "hello, "},
		{"world", "hello, world"},
		{"\x00\xff", "hello, \x00\xff"},
	}
	for _, tt := range tests {
		if got := reply([]byte(tt.msg)); string(got) != tt.want {
			t.Errorf("reply(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

// TestGreet plays the client over an in-memory connection: the message
// is read whole, up to 1024 bytes, and answered once.
func TestGreet(t *testing.T) {
	for _, msg := range [][]byte{[]byte("sockbook"), bytes.Repeat([]byte("x"), maxMessage)} {
		server, client := net.Pipe()
		done := make(chan error, 1)
		go func() {
			done <- greet(server)
			server.Close()
		}()
		if _, err := client.Write(msg); err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(client)
		if err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if want := append([]byte("hello, "), msg...); !bytes.Equal(got, want) {
			t.Errorf("reply of %d bytes, want %d", len(got), len(want))
		}
	}
}
