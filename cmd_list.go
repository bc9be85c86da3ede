package main

import (
	"context"
	"flag"
	"fmt"

	"sockbook/lessons"
)

func cmdList(ctx context.Context, env *cliEnv, args []string) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: sockbook list")
		fmt.Fprintln(fs.Output(), "Lists the chapters and their lessons, in reading order.")
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	for _, ch := range lessons.ChapterIDs() {
		ls := lessons.ByChapter(ch)
		fmt.Fprintf(env.stdout, "%s\n", ch)
		for _, l := range ls {
			fmt.Fprintf(env.stdout, "  %-28s %s\n", l.ID, l.Title)
		}
	}
	fmt.Fprintln(env.stdout)
	fmt.Fprintln(env.stdout, "Run one with: sockbook run <lesson>")
	return exitOK
}
