package main

import "testing"

func TestUpper(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"hello, World 42!", "HELLO, WORLD 42!"},
		{"az AZ @[`{", "AZ AZ @[`{"},
		{"héllo wörld ß", "HéLLO WöRLD ß"},
		{"\x00\x7f\x80\xe1\xff", "\x00\x7f\x80\xe1\xff"},
	}
	for _, tt := range tests {
		b := []byte(tt.in)
		upper(b)
		if string(b) != tt.want {
			t.Errorf("upper(%q) = %q, want %q", tt.in, b, tt.want)
		}
	}
}
