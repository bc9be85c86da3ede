package main

import (
	"context"
	"fmt"
	"unicode/utf8"

	"sockbook/content"
	"sockbook/lessons"
	"sockbook/runner/check"
)

func cmdList(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "list", `
Usage: sockbook list

Lists the chapters in reading order, with their lessons and exercises;
in a workspace, also which exercises you have passed.`)
	_, code, done := parse(fs, args)
	if done {
		return code
	}
	_, progress, inWorkspace := loadProgress(env)
	width := 0
	for _, l := range lessons.All() {
		width = max(width, utf8.RuneCountInString(l.ID))
	}
	passed := 0
	for i, id := range content.IDs() {
		title := id
		if ch, err := content.Find(id); err == nil {
			title = ch.Title
		}
		fmt.Fprintf(env.stdout, "%d. %s — %s\n", i+1, id, title)
		for _, l := range lessons.ByChapter(id) {
			fmt.Fprintf(env.stdout, "     %-*s  %s\n", width, l.ID, l.Title)
		}
		for _, ex := range check.All() {
			if ex.Chapter != id {
				continue
			}
			mark := "exercise"
			if inWorkspace {
				switch st := progress.Status(ex.ID); {
				case st.Passed:
					mark = "✔ passed"
					passed++
				case st.Checks > 0:
					mark = "✘ not yet"
				default:
					mark = "· to do"
				}
			}
			fmt.Fprintf(env.stdout, "   %-*s  %s — %s\n", width+2, ex.ID, mark, ex.Title)
		}
	}
	fmt.Fprintln(env.stdout)
	if inWorkspace {
		fmt.Fprintf(env.stdout, "Passed %d of %d exercises. ", passed, len(check.All()))
	}
	fmt.Fprintln(env.stdout, "Read a chapter: sockbook read basics · run a lesson: sockbook run basics/echo")
	return exitOK
}
