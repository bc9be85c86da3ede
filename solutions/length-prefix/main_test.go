package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"testing"
)

// frame builds the bytes of a frame whose header says n and whose payload
// is payload (which may be shorter than n, for a frame cut short).
func frame(n uint32, payload []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, n)
	return append(b, payload...)
}

func TestReadFrame(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    []byte
		wantErr error // nil, io.EOF or io.ErrUnexpectedEOF; "other" below
		other   bool  // an error that is neither
	}{
		{name: "empty stream", in: nil, wantErr: io.EOF},
		{name: "empty frame", in: frame(0, nil), want: []byte{}},
		{name: "one frame", in: frame(5, []byte("hello")), want: []byte("hello")},
		{name: "header cut short", in: []byte{0, 0}, wantErr: io.ErrUnexpectedEOF},
		{name: "payload cut short", in: frame(5, []byte("hel")), wantErr: io.ErrUnexpectedEOF},
		{name: "payload missing", in: frame(5, nil), wantErr: io.ErrUnexpectedEOF},
		{name: "one past the limit", in: frame(maxFrame+1, nil), other: true},
		{name: "largest length", in: frame(1<<32-1, []byte("xyz")), other: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readFrame(bytes.NewReader(tt.in))
			switch {
			case tt.other:
				if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
					t.Fatalf("error %v, want a limit error", err)
				}
			case !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil):
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			case !bytes.Equal(got, tt.want):
				t.Errorf("payload %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriteFrame(t *testing.T) {
	var buf bytes.Buffer
	sum := sha256.Sum256(nil)
	if err := writeFrame(&buf, sum[:]); err != nil {
		t.Fatal(err)
	}
	got, err := readFrame(&buf)
	if err != nil || !bytes.Equal(got, sum[:]) || buf.Len() != 0 {
		t.Errorf("round trip: %x, %v, %d bytes left", got, err, buf.Len())
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// FuzzReadFrame reads frames until an error and checks each against the
// bytes: a payload is exactly what its header announced; the stream ends
// with io.EOF only on a frame boundary; and a length over maxFrame stops
// the reading right after its header, with not one payload byte read.
func FuzzReadFrame(f *testing.F) {
	f.Add([]byte{})
	f.Add(frame(0, nil))
	f.Add(frame(5, []byte("hello")))
	f.Add(append(frame(1, []byte("a")), frame(2, []byte("bc"))...))
	f.Add(frame(3, []byte("ab")))
	f.Add([]byte{0, 0, 1})
	f.Add(frame(maxFrame+1, []byte("body")))
	f.Add(frame(1<<32-1, []byte("body")))
	f.Fuzz(func(t *testing.T, in []byte) {
		cr := &countingReader{r: bytes.NewReader(in)}
		pos := 0 // where the next frame starts in in
		for {
			payload, err := readFrame(cr)
			rest := in[pos:]
			switch {
			case err == nil:
				n := int(binary.BigEndian.Uint32(rest))
				if n > maxFrame || !bytes.Equal(payload, rest[4:4+n]) {
					t.Fatalf("frame at %d: payload %d bytes, header says %d", pos, len(payload), n)
				}
				pos += 4 + n
				if cr.n != pos {
					t.Fatalf("read %d bytes, frames end at %d", cr.n, pos)
				}
				continue
			case errors.Is(err, io.EOF):
				if len(rest) != 0 {
					t.Fatalf("io.EOF with %d bytes left", len(rest))
				}
			case errors.Is(err, io.ErrUnexpectedEOF):
				if len(rest) >= 4 && 4+int(binary.BigEndian.Uint32(rest)) <= len(rest) {
					t.Fatalf("frame at %d cut short, but it is whole", pos)
				}
			default:
				if len(rest) < 4 || binary.BigEndian.Uint32(rest) <= maxFrame {
					t.Fatalf("error %v for a frame within the limit", err)
				}
				if cr.n != pos+4 {
					t.Fatalf("oversize frame: read %d bytes past its header", cr.n-pos-4)
				}
			}
			return
		}
	})
}
