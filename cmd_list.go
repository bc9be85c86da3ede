package main

import (
	"context"
	"fmt"
	"unicode/utf8"

	"sockbook/content"
	"sockbook/lessons"
	"sockbook/runner/check"
	"sockbook/solutions"
)

func cmdList(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlags(env, "list", `
Usage: sockbook list

Lists the chapters in reading order, with their lessons and exercises,
then the glossary; in a workspace, also which exercises you have passed.`)
	lang := addLangFlag(fs, env)
	_, code, done := parse(fs, args)
	if done {
		return code
	}
	t := lang.texts()
	ct, err := solutions.Checks(lang.lang)
	if err != nil {
		fmt.Fprintf(env.stderr, "sockbook list: %v\n", err)
	}
	_, progress, inWorkspace := loadProgress(env)
	width := 0
	for _, l := range lessons.All() {
		width = max(width, utf8.RuneCountInString(l.ID))
	}
	passed := 0
	for i, id := range content.IDs() {
		title := id
		if ch, err := content.FindIn(lang.lang, id); err == nil {
			title = ch.Title
		}
		fmt.Fprintf(env.stdout, "%d. %s — %s\n", i+1, id, title)
		for _, l := range lessons.ByChapter(id) {
			fmt.Fprintf(env.stdout, "     %-*s  %s\n", width, l.ID, l.TitleIn(lang.lang))
		}
		for _, ex := range check.All() {
			if ex.Chapter != id {
				continue
			}
			mark := t.listExercise
			if inWorkspace {
				switch st := progress.Status(ex.ID); {
				case st.Passed:
					mark = t.listPassed
					passed++
				case st.Checks > 0:
					mark = t.listNotYet
				default:
					mark = t.listToDo
				}
			}
			fmt.Fprintf(env.stdout, "   %-*s  %s — %s\n", width+2, ex.ID, mark, ct.Title(ex.ID, ex.Title))
		}
	}
	if g, err := content.FindIn(lang.lang, content.Glossary); err == nil {
		fmt.Fprintf(env.stdout, "   %s — %s\n", g.ID, g.Title)
	}
	fmt.Fprintln(env.stdout)
	if inWorkspace {
		fmt.Fprintf(env.stdout, t.listProgress, passed, len(check.All()))
	}
	fmt.Fprintln(env.stdout, t.listFooter)
	return exitOK
}
