package main

import (
	"bytes"
	"context"
	"fmt"

	"sockbook/content/render"
	"sockbook/lessons"
	"sockbook/runner"
	"sockbook/runner/transcript"
)

// lessonViews builds what a chapter's lesson blocks show, running each
// lesson when asked to. Make one with cliEnv.lessonViews, which gives it
// the command that starts the lessons' programs.
type lessonViews struct {
	ctx   context.Context
	env   *cliEnv
	run   bool // run each lesson and show its transcript
	width int
	color bool
	err   error // the first error of a run, if any
}

// lessonViews returns the lesson views for a chapter rendered width
// columns wide; with run set, each lesson runs and its transcript shows.
func (env *cliEnv) lessonViews(ctx context.Context, run bool, width int, color bool) *lessonViews {
	return &lessonViews{ctx: ctx, env: env, run: run, width: width, color: color}
}

// view is a render.Options.Lessons function.
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
	if v.run && v.err == nil && v.ctx.Err() != nil {
		v.err = fmt.Errorf("run %s: %w", l.ID, v.ctx.Err()) // Ctrl-C: run no more lessons
	}
	if v.run && v.err == nil {
		text, err := v.env.lessonTranscript(v.ctx, l, transcript.Options{Layout: transcript.Interleaved, Color: v.color, Width: v.width - 4, Wire: l.Wire})
		if err != nil {
			v.err = err
		}
		lv.Transcript = text
	}
	return lv, true
}

// lessonTranscript runs a lesson and returns its transcript, ending with
// the runner's failures if there were any.
func (env *cliEnv) lessonTranscript(ctx context.Context, l lessons.Lesson, opts transcript.Options) (string, error) {
	spec, err := l.Spec()
	if err != nil {
		return "", err
	}
	res, err := runner.Run(ctx, spec, runner.Options{Command: env.child})
	if err != nil {
		return "", fmt.Errorf("run %s: %w", l.ID, err)
	}
	var b bytes.Buffer
	if err := transcript.Print(&b, res.Events, opts); err != nil {
		return "", err
	}
	return b.String(), nil
}
