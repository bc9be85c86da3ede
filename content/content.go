// Package content holds the workbook's chapters: one Markdown file per
// chapter, embedded in the binary and read in a fixed order. The chapter id
// is the file's name without ".md" and is the same id the lessons catalog
// and the command line use. After the chapters comes the glossary
// (glossary.md), a page read like a chapter (sockbook read glossary) that
// teaches no lesson.
//
// The chapters are written in English, in content/<id>.md. A translation
// lives in a folder named after its language, with the same file names:
// the Simplified Chinese edition is content/zh/<id>.md (and
// content/zh/glossary.md). A translated chapter is a twin of its English
// chapter: the same lesson blocks in the same order, the same exercise
// sections and as many headings at each level; the tests hold that for
// every file present, and that no paragraph of it is left in English. A
// chapter not translated yet is read in English, with a one-line note in
// the language asked for (FindIn), so the workbook works while a
// translation is under way.
//
// To add a translated chapter, write content/zh/<id>.md: nothing else
// changes. `go test ./content/...` then holds it to its twin's shape and
// flags what is left in English, and `go test ./content/render -update`
// writes its terminal goldens (testdata/golden/zh/<id>-{60,80}-*.golden).
// Exercise sections are headed "练习：<id>"; call-outs open with **注意**,
// **提示**, **陷阱** or **警告**.
//
// It is also the one Markdown toolkit of the packages that read chapters
// (content/render for the terminal, content/present for slides,
// content/site for the web): one goldmark configuration (NewMarkdown,
// Parse), one plain-text reading of inline content (PlainText) and one
// reading of fenced-block info strings, lesson blocks among them
// (ParseFence). Those packages import content; content imports none of
// them.
package content

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"sockbook/content/i18n"
)

//go:embed *.md zh/*.md
var files embed.FS

// Glossary is the id of the glossary page, which follows the chapters.
const Glossary = "glossary"

// Chapter is one chapter of the workbook, or the glossary.
type Chapter struct {
	// ID is the chapter id, such as "basics".
	ID string
	// Lang is the language the chapter was asked for.
	Lang i18n.Lang
	// Fallback reports whether the chapter has no translation into Lang
	// yet: Markdown is then the English text, with a one-line note in
	// Lang after its title saying so.
	Fallback bool
	// Title is the text of the chapter's first level-1 heading.
	Title string
	// Markdown is the chapter's source.
	Markdown []byte
}

// IDs returns every chapter id in reading order.
func IDs() []string {
	return []string{"basics", "loops", "reuse", "udp", "sticky", "headers", "concurrency", "projects"}
}

// PageIDs returns the id of every page: the chapters in reading order,
// then the glossary.
func PageIDs() []string { return append(IDs(), Glossary) }

// Path returns the file of a page in a language, relative to the content
// folder: "basics.md", "zh/basics.md".
func Path(lang i18n.Lang, id string) string {
	if lang == i18n.EN {
		return id + ".md"
	}
	return lang.String() + "/" + id + ".md"
}

// Chapters returns the English chapters in reading order. Every id of IDs
// has its file content/<id>.md; a test holds that.
func Chapters() []Chapter { return ChaptersIn(i18n.EN) }

// ChaptersIn returns the chapters in reading order in lang, each one not
// yet translated in English (see Chapter.Fallback).
func ChaptersIn(lang i18n.Lang) []Chapter {
	var out []Chapter
	for _, id := range IDs() {
		if ch, err := load(lang, id); err == nil {
			out = append(out, ch)
		}
	}
	return out
}

// PagesIn returns the chapters, then the glossary, in lang (as ChaptersIn
// does).
func PagesIn(lang i18n.Lang) []Chapter {
	out := ChaptersIn(lang)
	if g, err := load(lang, Glossary); err == nil {
		out = append(out, g)
	}
	return out
}

// Translated returns the ids of the pages that have a file of their own
// in lang, in reading order: every page for English, the translated ones
// for another language.
func Translated(lang i18n.Lang) []string {
	var out []string
	for _, id := range PageIDs() {
		if _, err := fs.Stat(files, Path(lang, id)); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// Source returns the file of a page in lang exactly as written, or an
// error when the page has no file in that language.
func Source(lang i18n.Lang, id string) ([]byte, error) {
	md, err := fs.ReadFile(files, Path(lang, id))
	if err != nil {
		return nil, fmt.Errorf("content/%s: %w", Path(lang, id), err)
	}
	return md, nil
}

// Find returns the English chapter, or the glossary, with the given id.
func Find(id string) (Chapter, error) { return FindIn(i18n.EN, id) }

// FindIn returns the chapter, or the glossary, with the given id in lang.
// A page not yet translated into lang is returned in English, with a note
// in lang saying so (see Chapter.Fallback).
func FindIn(lang i18n.Lang, id string) (Chapter, error) {
	if !slices.Contains(PageIDs(), id) {
		return Chapter{}, fmt.Errorf("no chapter %q (chapters: %s)", id, strings.Join(PageIDs(), ", "))
	}
	return load(lang, id)
}

func load(lang i18n.Lang, id string) (Chapter, error) {
	md, err := Source(lang, id)
	switch {
	case err == nil:
		return Chapter{ID: id, Lang: lang, Title: Title(md), Markdown: md}, nil
	case lang == i18n.EN || !errors.Is(err, fs.ErrNotExist):
		return Chapter{}, fmt.Errorf("chapter %s: %w", id, err)
	}
	en, err := load(i18n.EN, id)
	if err != nil {
		return Chapter{}, err
	}
	en.Lang, en.Fallback = lang, true
	en.Markdown = afterTitle(en.Markdown, fallbackNote(lang))
	return en, nil
}

// fallbackNote says, in lang, that a page is shown in English. It is a
// call-out (see content/render) of one line.
func fallbackNote(lang i18n.Lang) string {
	switch lang {
	case i18n.ZH:
		return "> **注意**：本章还没有中文版，下面是英文原文。\n"
	}
	return "> **Note**: this page is not translated yet; here is the English text.\n"
}

// afterTitle inserts block, a Markdown block, after the document's first
// level-1 heading, or at its start when it has none.
func afterTitle(markdown []byte, block string) []byte {
	at := 0
	_ = ast.Walk(Parse(markdown), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Level != 1 || h.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		at = lineEnd(markdown, h.Lines().At(h.Lines().Len()-1).Stop)
		if rest := markdown[at:]; setextRule.Match(rest) { // "Title\n=====": past the rule
			at = lineEnd(markdown, at+1)
		}
		return ast.WalkStop, nil
	})
	head, rest := markdown[:at], markdown[at:]
	var b bytes.Buffer
	b.Write(head)
	if len(head) > 0 {
		if !bytes.HasSuffix(head, []byte("\n")) {
			b.WriteString("\n")
		}
		b.WriteString("\n") // a blank line between the title and the block
	}
	b.WriteString(block)
	if !bytes.HasPrefix(rest, []byte("\n")) {
		b.WriteString("\n") // and one after it
	}
	b.Write(rest)
	return b.Bytes()
}

// setextRule matches the "===" line under a setext level-1 heading.
var setextRule = regexp.MustCompile(`^ {0,3}=+[ \t]*(\n|$)`)

// lineEnd returns the offset just past the end of the line holding offset
// i (past its "\n", or the end of the document).
func lineEnd(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(b)
}

// Title returns the plain text (see PlainText) of the document's first
// level-1 heading, or "" when it has none.
func Title(markdown []byte) string {
	var title string
	_ = ast.Walk(Parse(markdown), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Level != 1 {
			return ast.WalkContinue, nil
		}
		title = PlainText(h, markdown)
		return ast.WalkStop, nil
	})
	return title
}
