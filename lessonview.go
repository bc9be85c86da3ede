package main

import (
	"bytes"
	"context"
	"fmt"

	"sockbook/content/i18n"
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
	// transcripts holds each lesson's transcript once it has run, so that
	// a lesson shown in two languages runs once.
	transcripts map[string]string
}

// lessonViews returns the lesson views for a chapter rendered width
// columns wide; with run set, each lesson runs and its transcript shows.
func (env *cliEnv) lessonViews(ctx context.Context, run bool, width int, color bool) *lessonViews {
	return &lessonViews{ctx: ctx, env: env, run: run, width: width, color: color, transcripts: map[string]string{}}
}

// in returns a render.Options.Lessons function for a chapter in lang:
// the lessons' titles in that language, their programs and transcripts
// as they are.
func (v *lessonViews) in(lang i18n.Lang) func(id string) (render.LessonView, bool) {
	return func(id string) (render.LessonView, bool) { return v.view(lang, id) }
}

// view is what lesson id shows in a chapter in lang.
func (v *lessonViews) view(lang i18n.Lang, id string) (render.LessonView, bool) {
	l, err := lessons.Find(id)
	if err != nil {
		return render.LessonView{}, false
	}
	lv := render.LessonView{ID: l.ID, Title: l.TitleIn(lang), Command: "sockbook run " + l.ID}
	for _, side := range []struct{ label, dir string }{{"server", l.ServerDir()}, {"client", l.ClientDir()}} {
		files, err := lessons.Source(side.dir)
		if err != nil {
			return render.LessonView{}, false
		}
		lv.Files = append(lv.Files, render.CodeFile{Label: side.label, Path: "lessons/" + side.dir + "/main.go", Source: files["main.go"]})
	}
	if text, ok := v.transcripts[l.ID]; ok {
		lv.Transcript = text
	} else if v.run && v.err == nil {
		text, err := v.env.lessonTranscript(v.ctx, l, transcript.Options{Layout: transcript.Interleaved, Color: v.color, Width: v.width - 4, Wire: l.Wire})
		if err != nil {
			v.err = err
		}
		v.transcripts[l.ID] = text
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
