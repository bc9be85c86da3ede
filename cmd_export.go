package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"sockbook/content"
	"sockbook/content/site"
)

func cmdExport(ctx context.Context, env *cliEnv, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dir := fs.String("html", "", "write the chapters as a static web site into this folder")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: sockbook export --html DIR")
		fmt.Fprintln(fs.Output())
		fmt.Fprintln(fs.Output(), "Writes every chapter as a web page, with each lesson's code and a transcript")
		fmt.Fprintln(fs.Output(), "recorded now, plus an index and a stylesheet. No JavaScript, no network.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *dir == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	views := lessonViews{ctx: ctx, run: true, width: 104}
	if err := site.Export(*dir, content.Chapters(), views.view); err != nil {
		fmt.Fprintf(env.stderr, "sockbook export: %v\n", err)
		return exitFailed
	}
	if views.err != nil {
		fmt.Fprintf(env.stderr, "sockbook export: %v\n", views.err)
		return exitFailed
	}
	fmt.Fprintf(env.stdout, "wrote %d chapters to %s (open %s/index.html)\n", len(content.Chapters()), *dir, *dir)
	return exitOK
}
