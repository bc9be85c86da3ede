package main

import (
	"os"
	"sync"

	"golang.org/x/term"

	"sockbook/content/present"
)

// terminal is what sockbook knows of where its output goes.
type terminal struct {
	isTTY  bool
	width  int // 0 when unknown
	height int // 0 when unknown
	// color reports whether escape codes may be written: a terminal,
	// NO_COLOR unset, TERM not "dumb".
	color bool
	// pager is $PAGER; empty means "less -R".
	pager string
	// stdinTTY reports whether standard input is a terminal (to ask).
	stdinTTY bool
}

// detectTerminal looks at f and the environment.
func detectTerminal(f *os.File) terminal {
	t := terminal{isTTY: term.IsTerminal(int(f.Fd()))}
	if t.isTTY {
		if w, h, err := term.GetSize(int(f.Fd())); err == nil {
			t.width, t.height = w, h
		}
	}
	noColor := os.Getenv("NO_COLOR") != ""
	t.color = t.isTTY && !noColor && os.Getenv("TERM") != "dumb"
	t.pager = os.Getenv("PAGER")
	t.stdinTTY = term.IsTerminal(int(os.Stdin.Fd()))
	return t
}

// displayWidth is the width to render for: --width when given, else the
// terminal's (capped at 100), else 80.
func (t terminal) displayWidth(flagWidth int) int {
	switch {
	case flagWidth > 0:
		return flagWidth
	case t.width > 100:
		return 100
	case t.width > 0:
		return t.width
	}
	return 80
}

// keyboard reads the user's keys: from standard input in raw mode when
// it is a terminal (keys one at a time, Ctrl-C as a key), else from
// whatever standard input is, a pipe in tests and scripts. raw reports
// whether the terminal is in raw mode, where output needs "\r\n" for a
// new line (crlfWriter). stop restores the terminal and stops reading.
func (env *cliEnv) keyboard() (keys <-chan present.KeyRead, raw bool, stop func()) {
	restore := func() {}
	if env.term.stdinTTY {
		if f, ok := env.stdin.(*os.File); ok {
			if old, err := term.MakeRaw(int(f.Fd())); err == nil {
				raw = true
				restore = func() { term.Restore(int(f.Fd()), old) }
			}
		}
	}
	done := make(chan struct{})
	var once sync.Once
	stop = func() {
		once.Do(func() {
			close(done)
			restore()
		})
	}
	return present.ReadKeys(env.stdin, done), raw, stop
}
