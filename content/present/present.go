// Package present shows a chapter to a class: full screen, one section
// (a "##" heading and what follows it) per screen, in a plain terminal.
//
// The parts are pure and tested on their own: Split cuts the Markdown
// into sections, a Deck renders them with sockbook/content/render,
// DecodeKeys turns a raw terminal's bytes into keys, and Screen.Update
// maps a screen, a terminal size and a key to the next screen and the
// Frame to draw. Show runs them against a Terminal: raw mode, the
// alternate screen, a hidden cursor, redraws on resize, and the terminal
// put back as it was however Show ends (a key, a cancelled context, a
// panic).
//
// The package never runs a lesson itself: Show calls a RunFunc the
// caller passes, so the content packages stay apart from the runner.
package present

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
)

// Terminal is the terminal a deck is shown on. TTY is the real one;
// tests pass a fake.
type Terminal interface {
	// Read reads the bytes the keyboard sends.
	io.Reader
	// Write writes to the screen.
	io.Writer
	// Size returns the terminal's width and height in cells.
	Size() (width, height int, err error)
	// MakeRaw puts the terminal in raw mode (keys one at a time, no
	// echo, Ctrl-C a byte) and returns the function that restores the
	// mode it had.
	MakeRaw() (restore func() error, err error)
	// Resized receives a value whenever the size may have changed.
	Resized() <-chan struct{}
}

// RunFunc runs a lesson and returns its transcript rendered for the
// terminal, width columns wide. It is called from a goroutine of its
// own, one lesson at a time; Show does not wait for a call in progress
// when it returns, so the caller stops it (for example through the
// context its RunFunc runs under).
type RunFunc func(lessonID string, width int) (string, error)

// The escape sequences Show writes around a presentation.
const (
	// EnterSequence switches to the alternate screen, hides the cursor
	// and clears the screen.
	EnterSequence = "\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J"
	// LeaveSequence resets colours, shows the cursor and goes back to the
	// normal screen, as it was before EnterSequence.
	LeaveSequence = "\x1b[0m\x1b[?25h\x1b[?1049l"
)

// ErrInterrupted is returned by Show when the presentation ends with
// Ctrl-C.
var ErrInterrupted = errors.New("present: interrupted")

// fallbackWidth and fallbackHeight are used when the terminal cannot
// say its size.
const fallbackWidth, fallbackHeight = 80, 24

// Show presents deck d on terminal t until q (nil), Ctrl-C
// (ErrInterrupted), the end of the keyboard's input (nil) or the end of
// ctx (its error). The r key runs the current section's lessons through
// run (which may be nil: then r says there is nothing to run).
//
// Whatever ends it, including a panic, Show writes LeaveSequence and
// restores the terminal's mode before it returns or the panic goes on.
// A panic in run is carried to Show's goroutine, so that it too leaves
// the terminal usable.
func Show(ctx context.Context, t Terminal, d *Deck, run RunFunc) (err error) {
	restore, err := t.MakeRaw()
	if err != nil {
		return fmt.Errorf("present: raw mode: %w", err)
	}
	defer func() {
		_, werr := io.WriteString(t, LeaveSequence)
		rerr := restore()
		if err == nil {
			if e := errors.Join(werr, rerr); e != nil {
				err = fmt.Errorf("present: restore the terminal: %w", e)
			}
		}
	}()
	if _, err := io.WriteString(t, EnterSequence); err != nil {
		return fmt.Errorf("present: %w", err)
	}

	done := make(chan struct{})
	defer close(done)
	keys := ReadKeys(t, done)

	width, height := size(t)
	var s Screen
	var frame Frame
	s, frame, _ = s.Update(d, width, height, KeyNone)
	var drawn []byte
	draw := func(f Frame) error {
		b := f.paint()
		if bytes.Equal(b, drawn) {
			return nil
		}
		drawn = b
		if _, err := t.Write(b); err != nil {
			return fmt.Errorf("present: draw: %w", err)
		}
		return nil
	}
	if err := draw(frame); err != nil {
		return err
	}

	var results <-chan runResult
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()

		case <-t.Resized():
			width, height = size(t)
			s, frame, _ = s.Update(d, width, height, KeyNone)
			drawn = nil // after a resize the screen may hold anything
			if _, err := io.WriteString(t, "\x1b[2J"); err != nil {
				return fmt.Errorf("present: draw: %w", err)
			}

		case r, ok := <-results:
			if !ok {
				results = nil
				continue
			}
			if r.panic != nil {
				panic(r.panic)
			}
			if r.err == nil || r.transcript != "" {
				d.SetTranscript(r.id, r.transcript)
			}
			s = s.Ran(d, r.id, r.err, r.next)
			s, frame, _ = s.Update(d, width, height, KeyNone)

		case got, ok := <-keys:
			if !ok {
				return nil
			}
			if got.Err != nil {
				if errors.Is(got.Err, io.EOF) {
					return nil
				}
				return fmt.Errorf("present: read keys: %w", got.Err)
			}
			for _, k := range got.Keys {
				var act Action
				s, frame, act = s.Update(d, width, height, k)
				switch {
				case act.Interrupted:
					return ErrInterrupted
				case act.Quit:
					return nil
				case act.Run != nil && run == nil:
					s.Running, s.Status = "", d.words().noRun
					frame = s.Frame(d, width, height)
				case act.Run != nil:
					results = startRun(run, act.Run, act.RunWidth, done)
				}
			}
		}
		if err := draw(frame); err != nil {
			return err
		}
	}
}

// size returns t's size, or 80 × 24 when it cannot say.
func size(t Terminal) (width, height int) {
	w, h, err := t.Size()
	if err != nil || w <= 0 || h <= 0 {
		return fallbackWidth, fallbackHeight
	}
	return w, h
}

// KeyRead is what one read from the keyboard gave: the keys it completed,
// or the error that ended the reading (io.EOF when the input closed).
type KeyRead struct {
	Keys []Key
	Err  error
}

// ReadKeys reads r, a keyboard in raw mode or any other stream of bytes
// (a pipe gives its characters and Enter for each newline), and sends
// the keys it decodes, with DecodeKeys, one KeyRead per read. It sends
// the error that ends the reading last and closes the channel; it stops
// once done is closed (after its read in progress returns). Every command
// that reads keys reads them here.
func ReadKeys(r io.Reader, done <-chan struct{}) <-chan KeyRead {
	out := make(chan KeyRead)
	go func() {
		defer close(out)
		var pending []byte
		buf := make([]byte, 256)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				var keys []Key
				keys, pending = DecodeKeys(append(pending, buf[:n]...))
				if len(keys) > 0 {
					select {
					case out <- KeyRead{Keys: keys}:
					case <-done:
						return
					}
				}
			}
			if err != nil {
				select {
				case out <- KeyRead{Err: err}:
				case <-done:
				}
				return
			}
		}
	}()
	return out
}

// runResult is the end of one lesson's run.
type runResult struct {
	id, transcript, next string
	err                  error
	panic                any // a panic of the RunFunc, with its stack
}

// startRun runs ids one after another through run in a goroutine and
// sends each result; the channel closes after the last, or early once
// done is closed.
func startRun(run RunFunc, ids []string, width int, done <-chan struct{}) <-chan runResult {
	out := make(chan runResult)
	go func() {
		defer close(out)
		for i, id := range ids {
			r := runOne(run, id, width)
			if i+1 < len(ids) {
				r.next = ids[i+1]
			}
			select {
			case out <- r:
			case <-done:
				return
			}
			if r.panic != nil {
				return
			}
		}
	}()
	return out
}

// runOne runs one lesson, turning a panic into a result.
func runOne(run RunFunc, id string, width int) (r runResult) {
	r.id = id
	defer func() {
		if p := recover(); p != nil {
			r.panic = fmt.Sprintf("present: running %s panicked: %v\n\n%s", id, p, debug.Stack())
		}
	}()
	r.transcript, r.err = run(id, width)
	return r
}

// paint returns what draws the frame over the whole screen: each row
// cleared and written in place, the footer in reverse video when colour
// is on.
func (f Frame) paint() []byte {
	var b bytes.Buffer
	for i, row := range f.Body {
		fmt.Fprintf(&b, "\x1b[%d;1H\x1b[2K%s", i+1, row)
	}
	if f.Footer != "" || len(f.Body) > 0 {
		fmt.Fprintf(&b, "\x1b[%d;1H\x1b[2K", len(f.Body)+1)
		if f.Color {
			b.WriteString("\x1b[7m" + f.Footer + sgrReset)
		} else {
			b.WriteString(f.Footer)
		}
	}
	return b.Bytes()
}
