package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"sockbook/content"
	"sockbook/content/render"
	"sockbook/lessons"
	"sockbook/runner"
	"sockbook/runner/transcript"
)

func cmdRead(ctx context.Context, env *cliEnv, args []string) int {
	fs := flag.NewFlagSet("read", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	runLessons := fs.Bool("run", false, "run every lesson in the chapter and show its transcript under its code")
	width := fs.Int("width", 0, "width in columns (default: the terminal's, at most 100, or 80)")
	noColor := fs.Bool("no-color", false, "no colours (also: NO_COLOR=1, TERM=dumb, or output that is not a terminal)")
	noPager := fs.Bool("no-pager", false, "do not page long output through $PAGER")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: sockbook read CHAPTER [flags]")
		fmt.Fprintln(fs.Output())
		fmt.Fprintln(fs.Output(), "Shows a chapter, rendered for the terminal (paged with $PAGER when long).")
		fmt.Fprintf(fs.Output(), "Chapters: %s\n\n", strings.Join(content.IDs(), ", "))
		fmt.Fprintln(fs.Output(), "Flags:")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fmt.Fprintln(env.stderr, "sockbook read: name one chapter (sockbook list shows them)")
		return exitUsage
	}
	ch, err := content.Find(pos[0])
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook read: %v\n", err)
		return exitUsage
	}
	opts := render.Options{Width: env.term.displayWidth(*width), Color: env.term.color && !*noColor}
	views := lessonViews{ctx: ctx, child: env.child, run: *runLessons, width: opts.Width, color: opts.Color}
	opts.Lessons = views.view
	out, err := render.Render(ch.Markdown, opts)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook read: %v\n", err)
		return exitFailed
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

// lessonViews builds what a chapter's lesson blocks show, running each
// lesson when asked to.
type lessonViews struct {
	ctx   context.Context
	child []string // the command that starts a lesson's programs
	run   bool
	width int
	color bool
	err   error // the first error of a run, if any
}

func (v *lessonViews) view(id string) (render.LessonView, bool) {
	l, err := lessons.Find(id)
	if err != nil {
		return render.LessonView{}, false
	}
	lv := render.LessonView{ID: l.ID, Title: l.Title, Command: "sockbook run " + l.ID}
	for _, side := range []struct{ label, dir string }{{"server", l.ServerDir()}, {"client", l.ClientDir()}} {
		files, err := lessons.Source(side.dir)
		if err != nil {
			return render.LessonView{}, false
		}
		lv.Files = append(lv.Files, render.CodeFile{Label: side.label, Path: "lessons/" + side.dir + "/main.go", Source: files["main.go"]})
	}
	if v.run && v.err == nil {
		text, err := lessonTranscript(v.ctx, v.child, l, transcript.Options{Layout: transcript.Interleaved, Color: v.color, Width: v.width - 4, Wire: l.Wire})
		if err != nil {
			v.err = err
		}
		lv.Transcript = text
	}
	return lv, true
}

// lessonTranscript runs a lesson and returns its transcript, ending with
// the runner's failures if there were any. child is the command that
// starts each program.
func lessonTranscript(ctx context.Context, child []string, l lessons.Lesson, opts transcript.Options) (string, error) {
	spec, err := l.Spec()
	if err != nil {
		return "", err
	}
	res, err := runner.Run(ctx, spec, runner.Options{Command: child})
	if err != nil {
		return "", fmt.Errorf("run %s: %w", l.ID, err)
	}
	var b bytes.Buffer
	if err := transcript.Print(&b, res.Events, opts); err != nil {
		return "", err
	}
	return b.String(), nil
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
