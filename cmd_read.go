package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"sockbook/content"
	"sockbook/content/render"
)

func cmdRead(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "read", fmt.Sprintf(`
Usage: sockbook read CHAPTER [flags]

Shows a chapter, or the glossary, rendered for the terminal (paged with
$PAGER when long), in English or Chinese (--lang).
Each lesson shows its code, a "right" lesson's lines marked where they
differ from the "wrong" one it fixes (+ added, ~ changed), and under it
the lesson's recorded run; --run runs the lessons now instead.
Chapters: %s

Examples:
  sockbook read basics
  sockbook read basics --run      each lesson run in place, its transcript under its code
  sockbook read sticky --width 72
  sockbook read sticky --lang zh`, strings.Join(content.PageIDs(), ", ")))
	runLessons := fs.Bool("run", false, "run every lesson in the chapter and show the transcript of that run, not the recorded one")
	width := fs.Int("width", 0, "width in columns (default: the terminal's, at most 100, or 80)")
	noColor := fs.Bool("no-color", false, "no colours (also: NO_COLOR=1, TERM=dumb, or output that is not a terminal)")
	noPager := fs.Bool("no-pager", false, "do not page long output through $PAGER")
	lang := addLangFlag(fs, env)
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.stderr, "sockbook read: name one chapter (sockbook list shows them)")
		return exitUsage
	}
	ch, err := content.FindIn(lang.lang, pos[0])
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook read: %v\n", err)
		return exitUsage
	}
	opts := render.Options{Width: env.term.displayWidth(*width), Color: env.term.color && !*noColor, Lang: lang.lang}
	views := env.lessonViews(ctx, *runLessons, opts.Width, opts.Color)
	opts.Lessons = views.in(lang.lang)
	out, err := render.Render(ch.Markdown, opts)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook read: %v\n", err)
		return exitFailed
	}
	if errors.Is(views.err, context.Canceled) {
		fmt.Fprintln(env.stderr, "sockbook read: interrupted")
		return exitInt
	}
	if views.err != nil {
		fmt.Fprintf(env.stderr, "sockbook read: %v\n", views.err)
		return exitFailed
	}
	if err := page(env, out, *noPager); err != nil {
		fmt.Fprintf(env.stderr, "sockbook read: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// page writes out, through $PAGER when it is longer than a terminal screen.
func page(env *cliEnv, out string, noPager bool) error {
	lines := strings.Count(out, "\n")
	if noPager || !env.term.isTTY || env.term.height == 0 || lines < env.term.height {
		_, err := io.WriteString(env.stdout, out)
		return err
	}
	pager := env.term.pager
	if pager == "" {
		pager = "less -R"
	}
	fields := strings.Fields(pager)
	cmd := exec.Command(fields[0], fields[1:]...)
	cmd.Stdin = strings.NewReader(out)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		// No pager here: print it all instead.
		_, werr := io.WriteString(env.stdout, out)
		return werr
	}
	return nil
}
