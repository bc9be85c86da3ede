package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/site"
)

func cmdExport(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "export", `
Usage: sockbook export --html DIR [--run]

Writes every chapter and the glossary as a web page, with each lesson's
code and its recorded run (the transcript its test holds), plus an index
and a stylesheet: the English edition in DIR, the Chinese one in DIR/zh,
each page linked to its twin. No JavaScript, no network. Open
DIR/index.html in a browser. With --run, every lesson runs now and the
page shows that run instead.`)
	dir := fs.String("html", "", "write the chapters as a static web site into this folder")
	runLessons := fs.Bool("run", false, "run every lesson and show the transcript of that run, not the recorded one")
	lang := addLangFlag(fs, env)
	pos, code, done := parse(fs, args)
	if done {
		return code
	}
	if *dir == "" || len(pos) > 0 {
		fs.Usage()
		return exitUsage
	}
	views := env.lessonViews(ctx, *runLessons, 104, false)
	var editions []site.Edition
	pages := 0
	for _, l := range i18n.All() {
		ed := site.Edition{Lang: l, Pages: content.PagesIn(l), Lessons: views.in(l)}
		editions = append(editions, ed)
		pages += len(ed.Pages)
	}
	if err := site.Export(*dir, editions); err != nil {
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
	fmt.Fprintf(env.stdout, lang.texts().exportWrote, pages, len(editions), *dir, filepath.Join(*dir, "index.html"))
	return exitOK
}
