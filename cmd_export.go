package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"sockbook/content"
	"sockbook/content/site"
)

func cmdExport(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "export", `
Usage: sockbook export --html DIR [--run]

Writes every chapter as a web page, with each lesson's code and its
recorded run (the transcript its test holds), plus an index and a
stylesheet. No JavaScript, no network. Open DIR/index.html in a browser.
With --run, every lesson runs now and the page shows that run instead.`)
	dir := fs.String("html", "", "write the chapters as a static web site into this folder")
	runLessons := fs.Bool("run", false, "run every lesson and show the transcript of that run, not the recorded one")
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	if *dir == "" || len(pos) > 0 {
		fs.Usage()
		return exitUsage
	}
	views := env.lessonViews(ctx, *runLessons, 104, false)
	if err := site.Export(*dir, content.Chapters(), views.view); err != nil {
		fmt.Fprintf(env.stderr, "sockbook export: %v\n", err)
		return exitFailed
	}
	if errors.Is(views.err, context.Canceled) {
		fmt.Fprintln(env.stderr, "sockbook export: interrupted; the site is incomplete")
		return exitInt
	}
	if views.err != nil {
		fmt.Fprintf(env.stderr, "sockbook export: %v\n", views.err)
		return exitFailed
	}
	fmt.Fprintf(env.stdout, "wrote %d chapters to %s (open %s)\n", len(content.Chapters()), *dir, filepath.Join(*dir, "index.html"))
	return exitOK
}
