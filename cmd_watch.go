package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"golang.org/x/term"

	"sockbook/runner/check"
)

func cmdWatch(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "watch", `
Usage: sockbook watch [EXERCISE]

Checks the current exercise (or EXERCISE) in this workspace, then again on
every save. Keys: n next exercise, h hint, r re-run (for file systems that
send no change events, such as WSL or network drives), q quit.`)
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	w, progress, ok := loadProgress(env)
	if !ok {
		fmt.Fprintln(env.stderr, "sockbook watch: not in a workspace (sockbook init DIR makes one)")
		return exitUsage
	}
	id := progress.Current
	if len(pos) == 1 {
		id = pos[0]
	}
	if id == "" {
		id = check.All()[0].ID
	}
	if _, ok := findExercise(env, "watch", id); !ok {
		return exitUsage
	}

	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook watch: %v (press r to re-run by hand)\n", err)
	}
	if watcher != nil {
		defer watcher.Close()
	}
	watchDir := func(id string) {
		if watcher == nil {
			return
		}
		for _, d := range watcher.WatchList() {
			watcher.Remove(d)
		}
		// The folder, not the file: editors save by renaming a new file over it.
		if err := watcher.Add(filepath.Dir(w.ExercisePath(id))); err != nil {
			fmt.Fprintf(env.stderr, "sockbook watch: %v (press r to re-run by hand)\n", err)
		}
	}

	// Keys come one at a time on a terminal (raw mode), or as lines.
	keys := make(chan byte)
	wenv := *env
	if env.term.stdinTTY {
		if old, err := term.MakeRaw(int(os.Stdin.Fd())); err == nil {
			defer term.Restore(int(os.Stdin.Fd()), old)
			// Raw mode: \n no longer returns the carriage.
			wenv.stdout, wenv.stderr = crlfWriter{env.stdout}, crlfWriter{env.stderr}
		}
	}
	out := wenv.stdout
	go readKeys(env.stdin, keys)

	run := func() {
		fmt.Fprintf(out, "\n── %s ── %s\n", id, time.Now().Format("15:04:05"))
		cmdCheck(ctx, &wenv, []string{id})
		fmt.Fprintf(out, "\n[watching exercises/%s] n next · h hint · r re-run · q quit\n", id)
	}
	watchDir(id)
	run()

	var events <-chan fsnotify.Event
	var errs <-chan error
	if watcher != nil {
		events, errs = watcher.Events, watcher.Errors
	}
	var debounce <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return exitOK
		case ev := <-events:
			if strings.HasSuffix(ev.Name, ".go") && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
				debounce = time.After(150 * time.Millisecond) // one check for a burst of writes
			}
		case err := <-errs:
			fmt.Fprintf(out, "sockbook watch: %v\n", err)
		case <-debounce:
			debounce = nil
			run()
		case k, ok := <-keys:
			if !ok {
				return exitOK
			}
			switch k {
			case 'q', 3, 4: // q, Ctrl-C, Ctrl-D
				return exitOK
			case 'r':
				run()
			case 'h':
				cmdHint(ctx, &wenv, []string{id})
			case 'n':
				id = nextExercise(id)
				if p, err := w.Load(); err == nil {
					p.Current = id
					w.Save(p)
				}
				watchDir(id)
				run()
			}
		}
	}
}

// nextExercise returns the exercise after id, wrapping around.
func nextExercise(id string) string {
	all := check.All()
	for i, ex := range all {
		if ex.ID == id {
			return all[(i+1)%len(all)].ID
		}
	}
	return all[0].ID
}

// readKeys sends each byte read from r; a line of input gives its first
// byte, so that a pipe works as well as a raw terminal.
func readKeys(r io.Reader, keys chan<- byte) {
	defer close(keys)
	br := bufio.NewReader(r)
	for {
		b, err := br.ReadByte()
		if err != nil {
			return
		}
		if b == '\n' || b == '\r' || b == ' ' {
			continue
		}
		keys <- b
	}
}

// crlfWriter turns \n into \r\n for a terminal in raw mode.
type crlfWriter struct{ w io.Writer }

func (c crlfWriter) Write(p []byte) (int, error) {
	_, err := c.w.Write([]byte(strings.ReplaceAll(string(p), "\n", "\r\n")))
	return len(p), err
}
