package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// readAllLines reads every line of in with a reader of size bufSize (as
// serve does, with a smaller buffer where a test asks for one).
func readAllLines(in []byte, bufSize int) (lines []string, err error) {
	r := bufio.NewReaderSize(bytes.NewReader(in), bufSize)
	for {
		line, err := readLine(r)
		if err != nil {
			return lines, err
		}
		lines = append(lines, string(line))
	}
}

func TestReadLine(t *testing.T) {
	long := strings.Repeat("x", maxLine)
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr error
	}{
		{"empty stream", "", nil, io.EOF},
		{"one line", "hello\n", []string{"hello"}, io.EOF},
		{"empty line", "\n\n", []string{"", ""}, io.EOF},
		{"unfinished last line", "a\nbc", []string{"a"}, io.EOF},
		{"carriage return is a byte", "a\r\n", []string{"a\r"}, io.EOF},
		{"longest line", long + "\nok\n", []string{long, "ok"}, io.EOF},
		{"one byte too long", long + "x\nok\n", nil, bufio.ErrBufferFull},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAllLines([]byte(tt.in), maxLine+1)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("lines %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzReadLine checks readLine against a plain split on "\n": every
// complete line up to the limit comes back whole and in order, the first
// line over the limit stops the reading with bufio.ErrBufferFull, and an
// unfinished last line is dropped. A small buffer makes the limit reachable.
func FuzzReadLine(f *testing.F) {
	const size = 16 // the smallest size bufio allows; a line may be 15 bytes
	for _, seed := range []string{
		"", "\n", "a\n", "a\nb", "hello\nworld\n", "\n\n\n",
		"exactly 15 byte\n", "sixteen bytes!!!\nnext\n", "a\r\nb\n",
		"\xff\x00\n", strings.Repeat("x", 40) + "\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var want []string
		wantErr := io.EOF
		rest := in
		for {
			i := bytes.IndexByte(rest, '\n')
			if i < 0 {
				if len(rest) >= size {
					wantErr = bufio.ErrBufferFull
				}
				break
			}
			if i > size-1 {
				wantErr = bufio.ErrBufferFull
				break
			}
			want = append(want, string(rest[:i]))
			rest = rest[i+1:]
		}
		got, err := readAllLines(in, size)
		if !errors.Is(err, wantErr) {
			t.Fatalf("readLine(%q): error %v, want %v", in, err, wantErr)
		}
		if len(got) != len(want) {
			t.Fatalf("readLine(%q) = %q, want %q", in, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("readLine(%q) line %d = %q, want %q", in, i, got[i], want[i])
			}
		}
	})
}
