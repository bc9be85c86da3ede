package present

import (
	"fmt"
	"os"

	"golang.org/x/term"
)

// TTY is the Terminal of the process: keys from one file, the screen on
// another, usually os.Stdin and os.Stdout. Close it when done.
type TTY struct {
	in, out *os.File
	resized chan struct{}
	stop    func()
}

// NewTTY returns the Terminal reading keys from in and drawing on out,
// and starts watching for changes of size (SIGWINCH where there is one,
// else by asking the size a few times a second).
func NewTTY(in, out *os.File) *TTY {
	t := &TTY{in: in, out: out, resized: make(chan struct{}, 1)}
	t.stop = watchResize(t, t.resized)
	return t
}

// Read reads the keyboard.
func (t *TTY) Read(p []byte) (int, error) { return t.in.Read(p) }

// Write writes to the screen.
func (t *TTY) Write(p []byte) (int, error) { return t.out.Write(p) }

// Size returns the size of the screen.
func (t *TTY) Size() (width, height int, err error) {
	width, height, err = term.GetSize(int(t.out.Fd()))
	if err != nil {
		return 0, 0, fmt.Errorf("terminal size: %w", err)
	}
	return width, height, nil
}

// MakeRaw puts the keyboard's terminal in raw mode.
func (t *TTY) MakeRaw() (restore func() error, err error) {
	fd := int(t.in.Fd())
	old, err := term.MakeRaw(fd)
	if err != nil {
		return nil, err
	}
	return func() error { return term.Restore(fd, old) }, nil
}

// Resized receives a value when the screen's size may have changed.
func (t *TTY) Resized() <-chan struct{} { return t.resized }

// Close stops watching for changes of size. It does not close the files.
func (t *TTY) Close() error {
	t.stop()
	return nil
}

// notify sends on c without blocking: one pending value is enough.
func notify(c chan<- struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}
