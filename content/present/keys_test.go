package present

import (
	"errors"
	"io"
	"slices"
	"testing"
)

func TestDecodeKeys(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Key
		rest string
	}{
		{"letters", "qjkG", []Key{"q", "j", "k", "G"}, ""},
		{"space enter tab backspace", " \r\n\t\x7f\x08", []Key{KeySpace, KeyEnter, KeyEnter, KeyTab, KeyBackspace, KeyBackspace}, ""},
		{"ctrl-c and other control bytes", "\x03\x01\x1a", []Key{KeyCtrlC, KeyUnknown, KeyUnknown}, ""},
		{"CSI arrows", "\x1b[A\x1b[B\x1b[C\x1b[D", []Key{KeyUp, KeyDown, KeyRight, KeyLeft}, ""},
		{"SS3 arrows (application mode)", "\x1bOA\x1bOB\x1bOC\x1bOD", []Key{KeyUp, KeyDown, KeyRight, KeyLeft}, ""},
		{"page up and down", "\x1b[5~\x1b[6~", []Key{KeyPgUp, KeyPgDn}, ""},
		{"home and end, every form", "\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~\x1b[7~\x1b[8~",
			[]Key{KeyHome, KeyEnd, KeyHome, KeyEnd, KeyHome, KeyEnd, KeyHome, KeyEnd}, ""},
		{"insert and delete", "\x1b[2~\x1b[3~", []Key{KeyInsert, KeyDelete}, ""},
		{"modifiers are ignored", "\x1b[1;5C\x1b[5;2~", []Key{KeyRight, KeyPgUp}, ""},
		{"unknown sequences are one key", "\x1b[Z\x1b[15~\x1bOP", []Key{KeyUnknown, KeyUnknown, KeyUnknown}, ""},
		{"keys around a sequence", "j\x1b[Bk", []Key{"j", KeyDown, "k"}, ""},
		{"an escape at the end waits", "j\x1b", []Key{"j"}, "\x1b"},
		{"escape twice", "\x1b\x1b[A", []Key{KeyEsc, KeyUp}, ""},
		{"escape then a key", "\x1bq", []Key{KeyEsc, "q"}, ""},
		{"UTF-8", "é→", []Key{"é", "→"}, ""},
		{"invalid UTF-8", "\xff", []Key{KeyUnknown}, ""},
		{"cut CSI waits", "j\x1b[", []Key{"j"}, "\x1b["},
		{"cut CSI with parameter waits", "\x1b[5", nil, "\x1b[5"},
		{"cut SS3 waits", "\x1bO", nil, "\x1bO"},
		{"cut UTF-8 waits", "a\xc3", []Key{"a"}, "\xc3"},
		{"an endless CSI is dropped", "\x1b[" + "1111111111111111111111111111111111111111" + "A",
			[]Key{KeyUnknown, "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "A"}, ""},
		{"nothing", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rest := DecodeKeys([]byte(tt.in))
			if !slices.Equal(got, tt.want) || string(rest) != tt.rest {
				t.Errorf("DecodeKeys(%q) = %q, rest %q; want %q, rest %q", tt.in, got, rest, tt.want, tt.rest)
			}
		})
	}
}

// TestDecodeKeysInPieces feeds a sequence one byte at a time, as a slow
// link may deliver it.
func TestDecodeKeysInPieces(t *testing.T) {
	in := []byte("j\x1b[6~\x1bOAé")
	var got []Key
	var pending []byte
	for _, b := range in {
		var ks []Key
		ks, pending = DecodeKeys(append(pending, b))
		got = append(got, ks...)
	}
	want := []Key{"j", KeyPgDn, KeyUp, "é"}
	if !slices.Equal(got, want) || len(pending) != 0 {
		t.Errorf("got %q, pending %q; want %q", got, pending, want)
	}
}

// chunks is a reader that returns one chunk per Read, as a slow
// terminal link does.
type chunks [][]byte

func (c *chunks) Read(p []byte) (int, error) {
	if len(*c) == 0 {
		return 0, io.EOF
	}
	n := copy(p, (*c)[0])
	*c = (*c)[1:]
	return n, nil
}

func TestReadKeys(t *testing.T) {
	tests := []struct {
		name string
		in   chunks
		want []Key
	}{
		{"a pipe of lines", chunks{[]byte("n\nq\n")}, []Key{"n", KeyEnter, "q", KeyEnter}},
		{"an arrow cut in two", chunks{[]byte("\x1b["), []byte("C"), []byte("q")}, []Key{KeyRight, "q"}},
		{"a character cut in two", chunks{[]byte("\xe4\xbd"), []byte("\xa0")}, []Key{"你"}},
		{"Ctrl-C", chunks{[]byte{3}}, []Key{KeyCtrlC}},
		{"Ctrl-D", chunks{[]byte{4}}, []Key{KeyCtrlD}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			defer close(done)
			var got []Key
			var end error
			for r := range ReadKeys(&tt.in, done) {
				got = append(got, r.Keys...)
				if r.Err != nil {
					end = r.Err
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("keys = %q, want %q", got, tt.want)
			}
			if !errors.Is(end, io.EOF) {
				t.Errorf("the reading ended with %v, want io.EOF", end)
			}
		})
	}
}
