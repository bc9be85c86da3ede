package main

import (
	"bytes"
	"context"
	"fmt"

	"sockbook/content/i18n"
	"sockbook/content/linediff"
	"sockbook/content/render"
	"sockbook/lessons"
	"sockbook/runner"
	"sockbook/runner/event"
	"sockbook/runner/transcript"
)

// lessonViews builds what a chapter's lesson blocks show: each lesson's
// programs, a right lesson's marked against the wrong one it fixes, and
// its recorded run, or a run made now when asked to. Make one with
// cliEnv.lessonViews, which gives it the command that starts the
// lessons' programs.
type lessonViews struct {
	ctx   context.Context
	env   *cliEnv
	run   bool // run each lesson and show its transcript, not the recorded one
	width int
	color bool
	err   error // the first error of a run, if any
	// ran holds the transcript of each lesson run so far, so that a
	// lesson shown in two languages runs once.
	ran map[string]string
}

// lessonViews returns the lesson views for a chapter rendered width
// columns wide (render.DefaultWidth when not positive); with run set,
// each lesson runs and the transcript of that run shows in place of the
// recorded one.
func (env *cliEnv) lessonViews(ctx context.Context, run bool, width int, color bool) *lessonViews {
	if width <= 0 {
		width = render.DefaultWidth
	}
	return &lessonViews{ctx: ctx, env: env, run: run, width: width, color: color, ran: map[string]string{}}
}

// lessonSides are a lesson's programs, in the order a lesson block shows them.
var lessonSides = []struct {
	label string
	dir   func(lessons.Lesson) string
}{
	{"server", lessons.Lesson.ServerDir},
	{"client", lessons.Lesson.ClientDir},
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
	var wrong *lessons.Lesson
	if w, err := lessons.Find(l.Fixes); l.Fixes != "" && err == nil {
		wrong = &w
	}
	lv := render.LessonView{ID: l.ID, Title: l.TitleIn(lang), Command: "sockbook run " + l.ID}
	for _, side := range lessonSides {
		files, err := lessons.Source(side.dir(l))
		if err != nil {
			return render.LessonView{}, false
		}
		f := render.CodeFile{Label: side.label, Path: "lessons/" + side.dir(l) + "/main.go", Source: files["main.go"]}
		if wrong != nil {
			if old, err := lessons.Source(side.dir(*wrong)); err == nil {
				f.Diff = &render.FileDiff{Against: wrong.ID, Result: linediff.Compare(string(old["main.go"]), string(f.Source))}
			}
		}
		lv.Files = append(lv.Files, f)
	}
	opts := transcript.Options{Layout: transcript.Interleaved, Color: v.color, Width: v.width - 4, Wire: l.Wire}
	if v.run && v.err == nil && v.ctx.Err() != nil {
		v.err = fmt.Errorf("run %s: %w", l.ID, v.ctx.Err()) // Ctrl-C: run no more lessons
	}
	text, ran := v.ran[l.ID]
	switch {
	case ran:
		lv.Transcript = text
	case !v.run:
		// A lesson without a recording (one added since the lessons'
		// test was last run with -update) shows no transcript.
		if text, err := recordedTranscript(l.ID, opts); err == nil {
			lv.Transcript, lv.Recorded = text, true
		}
	case v.err == nil:
		text, err := v.env.lessonTranscript(v.ctx, l, opts)
		if err != nil {
			v.err = err
		}
		v.ran[l.ID] = text
		lv.Transcript = text
	}
	return lv, true
}

// recordedTranscript returns lesson id's recorded run laid out as a
// transcript of a run made now is, each line behind its side's gutter.
func recordedTranscript(id string, opts transcript.Options) (string, error) {
	lines, err := lessons.Recorded(id)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	p := transcript.NewPrinter(&b, opts)
	for _, line := range lines {
		// The printer shows an output event's text as it is: a recorded
		// line is an event already described.
		if err := p.Event(event.Event{Side: line.Side, Kind: event.Stdout, Text: line.Text}); err != nil {
			return "", fmt.Errorf("recorded run of %s: %w", id, err)
		}
	}
	return b.String(), nil
}

// lessonTranscript runs a lesson and returns its transcript, ending with
// the runner's failures if there were any.
func (env *cliEnv) lessonTranscript(ctx context.Context, l lessons.Lesson, opts transcript.Options) (string, error) {
	spec, err := l.Spec()
	if err != nil {
		return "", err
	}
	spec.Engine = runner.Auto
	res, err := runner.Run(ctx, spec, runner.Options{Command: env.child, Builder: env.builder})
	if err != nil {
		return "", fmt.Errorf("run %s: %w", l.ID, err)
	}
	var b bytes.Buffer
	if err := transcript.Print(&b, res.Events, opts); err != nil {
		return "", err
	}
	return b.String(), nil
}
