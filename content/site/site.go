// Package site exports the chapters as a static web site: one page per
// chapter and an index, rendered by goldmark's own HTML renderer, with each
// lesson block shown as its code and a recorded transcript. Go code is
// coloured with the terminal's highlighter (render.GoTokens); on a wide
// screen a lesson's programs stand side by side; a transcript's lines are
// coloured by the side they belong to. The pages need no JavaScript and
// fetch nothing from the network: layout and colours are CSS classes.
//
// The site holds every edition of the workbook: English at its top and
// each translation in a folder named after its language (zh/). Every page
// carries its language in its lang attribute and links to its twins in
// the other editions.
package site

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/render"
)

// Lessons looks up what a lesson block shows. Its Transcript is plain text
// (no escape codes) in the transcript's interleaved layout, whose lines
// start with their side and a bar, such as "server │ " or "client │ ", and
// a wrapped event's further lines with spaces and the bar; each line is
// coloured by its side.
type Lessons func(id string) (render.LessonView, bool)

// Edition is the workbook in one language: its pages in reading order
// (the chapters, then the glossary) and what their lesson blocks show.
type Edition struct {
	Lang    i18n.Lang
	Pages   []content.Chapter
	Lessons Lessons
}

// folder returns the edition's folder inside the site: "" for English,
// "zh/" for Chinese.
func (e Edition) folder() string {
	if e.Lang == i18n.EN {
		return ""
	}
	return e.Lang.String() + "/"
}

// Export writes the editions into dir, which it creates: for each, an
// index.html and one <id>.html per page, in the edition's folder (see
// Edition); style.css once, at the top.
func Export(dir string, editions []Edition) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, ed := range editions {
		if err := exportEdition(dir, ed, editions); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "style.css"), []byte(stylesheet), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// exportEdition writes one edition's pages and index.
func exportEdition(dir string, ed Edition, all []Edition) error {
	w := wordsIn(ed.Lang)
	out := filepath.Join(dir, filepath.FromSlash(ed.folder()))
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	md := content.NewMarkdown(
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(lessonTransformer{}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(lessonRenderer{lessons: ed.Lessons, lang: ed.Lang, words: w}, 100),
			util.Prioritized(codeRenderer{}, 100),
		)),
	)
	pages := ed.Pages
	for i, ch := range pages {
		var body bytes.Buffer
		if err := md.Convert(ch.Markdown, &body); err != nil {
			return fmt.Errorf("export %s%s: %w", ed.folder(), ch.ID, err)
		}
		nav := fmt.Sprintf(`<nav><a href="index.html">%s</a>`, html.EscapeString(w.contents))
		if i > 0 {
			nav += fmt.Sprintf(` · <a href="%s.html">← %s</a>`, pages[i-1].ID, html.EscapeString(pages[i-1].Title))
		}
		if i+1 < len(pages) {
			nav += fmt.Sprintf(` · <a href="%s.html">%s →</a>`, pages[i+1].ID, html.EscapeString(pages[i+1].Title))
		}
		nav += twinLinks(ed, all, ch.ID) + "</nav>"
		page := pageHTML(ed, all, ch.ID, ch.Title, nav+"\n"+body.String()+nav)
		if err := os.WriteFile(filepath.Join(out, ch.ID+".html"), []byte(page), 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	var index strings.Builder
	fmt.Fprintf(&index, "<nav>%s</nav>\n<h1>sockbook</h1>\n<p>%s</p>\n<ol>\n", strings.TrimPrefix(twinLinks(ed, all, "index"), " · "), html.EscapeString(w.tagline))
	var after []content.Chapter // pages that are not chapters: the glossary
	for _, ch := range pages {
		if ch.ID == content.Glossary {
			after = append(after, ch)
			continue
		}
		fmt.Fprintf(&index, "<li><a href=\"%s.html\">%s</a></li>\n", ch.ID, html.EscapeString(ch.Title))
	}
	index.WriteString("</ol>\n")
	for _, ch := range after {
		fmt.Fprintf(&index, "<p><a href=\"%s.html\">%s</a></p>\n", ch.ID, html.EscapeString(ch.Title))
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte(pageHTML(ed, all, "index", "sockbook", index.String())), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// twinHref is the address of page id of edition to, from a page of
// edition from.
func twinHref(from, to Edition, id string) string {
	up := strings.Repeat("../", strings.Count(from.folder(), "/"))
	return path.Clean(up+to.folder()+id) + ".html"
}

// twinLinks links page id of ed to the same page in each other edition,
// each named in its own language (" · 中文").
func twinLinks(ed Edition, all []Edition, id string) string {
	var b strings.Builder
	for _, other := range all {
		if other.Lang == ed.Lang {
			continue
		}
		fmt.Fprintf(&b, ` · <a href="%s" hreflang="%s" lang="%s" rel="alternate">%s</a>`,
			twinHref(ed, other, id), other.Lang.Tag(), other.Lang.Tag(), html.EscapeString(wordsIn(other.Lang).name))
	}
	return b.String()
}

func pageHTML(ed Edition, all []Edition, id, title, body string) string {
	var alternates strings.Builder
	for _, other := range all {
		if other.Lang != ed.Lang {
			fmt.Fprintf(&alternates, "<link rel=\"alternate\" hreflang=\"%s\" href=\"%s\">\n", other.Lang.Tag(), twinHref(ed, other, id))
		}
	}
	up := strings.Repeat("../", strings.Count(ed.folder(), "/"))
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<link rel="stylesheet" href="%sstyle.css">
%s</head>
<body>
<main>
%s
</main>
</body>
</html>
`, ed.Lang.Tag(), html.EscapeString(title), up, alternates.String(), body)
}
