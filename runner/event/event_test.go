package event

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPreview(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, ""},
		{"text", []byte("hello"), "hello"},
		{"newline", []byte("hi\n"), `hi\n`},
		{"binary", []byte{0, 0, 0, 5, 'a'}, `\x00\x00\x00\x05a`},
		{"backslash", []byte(`a\b`), `a\\b`},
		{"invalid utf-8", []byte{0xff, 'x'}, `\xffx`},
		{"utf-8 kept", []byte("naïve 你好"), "naïve 你好"},
		{"long", bytes.Repeat([]byte("ab"), 100), strings.Repeat("ab", 12) + "…" + "b" + strings.Repeat("ab", 11)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Preview(tt.in)
			if got != tt.want {
				t.Errorf("Preview(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > PreviewLimit+1 {
				t.Errorf("preview has %d runes, limit %d", n, PreviewLimit)
			}
		})
	}
}

func TestPreviewLongBinaryKeepsEnds(t *testing.T) {
	b := make([]byte, 1<<20)
	copy(b, "START")
	copy(b[len(b)-3:], "END")
	got := Preview(b)
	if !strings.HasPrefix(got, "START") || !strings.HasSuffix(got, "END") || !strings.Contains(got, "…") {
		t.Errorf("Preview of 1 MiB = %q, want START…END", got)
	}
}
