package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"sockbook/content"
	"sockbook/content/present"
	"sockbook/lessons"
	"sockbook/runner/transcript"
)

func cmdPresent(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "present", `
Usage: sockbook present CHAPTER

Presents a chapter full screen, one section (## heading) per screen, for
a class. The screen fits the terminal and follows it when it is resized.

Keys:
  → space l PageDown Enter   next: a page down, then the next section
  ← backspace h PageUp       back: a page up, then the previous section
  ↓ j  /  ↑ k                scroll a line (then on to the next/previous section)
  n Tab  /  p                next / previous section at once
  Home g  /  End G           first / last section
  r                          run the section's lessons now, in place of their recorded runs
  q  Ctrl-C                  quit`)
	width := fs.Int("width", 0, "text width in columns (default: the terminal's, at most 100)")
	noColor := fs.Bool("no-color", false, "no colours (also: NO_COLOR=1 or TERM=dumb)")
	lang := addLangFlag(fs, env)
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	ch, err := content.FindIn(lang.lang, pos[0])
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook present: %v\n", err)
		return exitUsage
	}
	if !env.term.isTTY || !env.term.stdinTTY {
		fmt.Fprintf(env.stderr, "sockbook present: present needs a terminal; use sockbook read %s\n", ch.ID)
		return exitUsage
	}

	color := env.term.color && !*noColor
	views := env.lessonViews(ctx, false, 0, color)
	deck, err := present.NewDeck(ch.ID, ch.Markdown, present.Options{Width: *width, Color: color, Lang: lang.lang, Lessons: views.in(lang.lang)})
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook present: %v\n", err)
		return exitFailed
	}

	// main stops on SIGTERM and SIGINT too; this keeps the terminal's
	// restore on SIGTERM a property of this command, whoever calls it.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	runs := newPresentRuns(ctx, env, color)
	tty := present.NewTTY(os.Stdin, os.Stdout)
	err = present.Show(ctx, tty, deck, runs.run)
	tty.Close()
	runs.stop()

	switch {
	case errors.Is(err, present.ErrInterrupted), errors.Is(err, context.Canceled):
		return exitInt
	case err != nil:
		fmt.Fprintf(env.stderr, "sockbook present: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// presentRuns runs the lessons a presentation asks for, one at a time,
// and stops the one under way when the presentation ends, so that no
// lesson program outlives the command.
type presentRuns struct {
	ctx    context.Context
	cancel context.CancelFunc
	env    *cliEnv
	color  bool

	mu     sync.Mutex // held for the whole of a run
	closed bool
}

func newPresentRuns(ctx context.Context, env *cliEnv, color bool) *presentRuns {
	ctx, cancel := context.WithCancel(ctx)
	return &presentRuns{ctx: ctx, cancel: cancel, env: env, color: color}
}

// run is the presenter's RunFunc.
func (p *presentRuns) run(id string, width int) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return "", fmt.Errorf("run %s: the presentation has ended", id)
	}
	l, err := lessons.Find(id)
	if err != nil {
		return "", fmt.Errorf("run %s: %w", id, err)
	}
	return p.env.lessonTranscript(p.ctx, l, transcript.Options{Layout: transcript.Interleaved, Color: p.color, Width: width, Wire: l.Wire})
}

// stop cancels the run under way, waits for it to end, and refuses
// later ones.
func (p *presentRuns) stop() {
	p.cancel()
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
}
