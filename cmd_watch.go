package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"sockbook/content/present"

	"sockbook/runner/check"
)

func cmdWatch(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "watch", `
Usage: sockbook watch [EXERCISE]

Checks the current exercise (or EXERCISE) in this workspace, then again on
every save. Keys: n next exercise, h hint, r re-run (for file systems that
send no change events, such as WSL or network drives), q quit.`)
	lang := addLangFlag(fs, env)
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

	// Keys come one at a time on a terminal (raw mode), or from a pipe.
	keys, raw, stopKeys := env.keyboard()
	defer stopKeys()
	wenv := *env
	if raw {
		wenv.stdout, wenv.stderr = crlfWriter{env.stdout}, crlfWriter{env.stderr}
	}
	out := wenv.stdout

	run := func() {
		fmt.Fprintf(out, "\n── %s ── %s\n", id, time.Now().Format("15:04:05"))
		cmdCheck(ctx, &wenv, []string{id, "--lang", lang.String()})
		fmt.Fprintf(out, lang.texts().watchStatus, id)
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
		case r, ok := <-keys:
			if !ok || r.Err != nil {
				return exitOK // the keyboard closed: nobody is there to watch
			}
			for _, k := range r.Keys {
				switch k {
				case "q", present.KeyCtrlC, present.KeyCtrlD:
					return exitOK
				case "r":
					run()
				case "h":
					cmdHint(ctx, &wenv, []string{id, "--lang", lang.String()})
				case "n":
					id = nextExercise(id)
					if p, err := w.Load(); err == nil {
						p.Current = id
						if err := w.Save(p); err != nil {
							fmt.Fprintf(out, "sockbook watch: %v\n", err)
						}
					}
					watchDir(id)
					run()
				}
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
