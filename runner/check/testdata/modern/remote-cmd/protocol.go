// Modern Go used here: decode, a generic function of the program's own
// (Go 1.18) that takes the check to run on what it decoded as a
// func-typed argument (a method expression, Request.check). One of the
// three files of the program.

package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// maxRequest is the longest request frame read. A longer one closes the
// connection unread: its length cannot be trusted, and where the next
// request starts cannot be found again.
const maxRequest = 1 << 20

// Request is what a client asks for: a program and its arguments.
type Request struct {
	Argv []string `json:"argv"`
}

// check says what is wrong with a request, if anything.
func (r Request) check() error {
	if len(r.Argv) == 0 || r.Argv[0] == "" {
		return errors.New(`bad request: no program in "argv"`)
	}
	return nil
}

// Result says how a command that ran ended.
type Result struct {
	Exit   int    `json:"exit"`
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
}

// Refusal says why a request was not run, or did not finish.
type Refusal struct {
	Error string `json:"error"`
}

// decode reads a frame's JSON into a T and checks it with valid.
func decode[T any](frame []byte, valid func(T) error) (T, error) {
	var v T
	if err := json.Unmarshal(frame, &v); err != nil {
		var zero T
		return zero, fmt.Errorf("bad request: %w", err)
	}
	if err := valid(v); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// readFrame reads one frame of at most limit bytes. A longer length is an
// error before anything is allocated; io.EOF means the client closed
// between two frames.
func readFrame(r io.Reader, limit uint32) ([]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(size[:])
	if n > limit {
		return nil, fmt.Errorf("request of %d bytes is over the limit of %d", n, limit)
	}
	frame := make([]byte, n)
	if _, err := io.ReadFull(r, frame); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF // the length promised more
		}
		return nil, fmt.Errorf("read %d-byte request: %w", n, err)
	}
	return frame, nil
}

// writeFrame sends v as one frame of JSON, in one Write.
func writeFrame(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	_, err = w.Write(append(frame, body...))
	return err
}
