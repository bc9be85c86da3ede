// Package site exports the chapters as a static web site: one page per
// chapter and an index, rendered by goldmark's own HTML renderer, with each
// lesson block shown as its code and a recorded transcript. Go code is
// coloured with the terminal's highlighter (render.GoTokens); on a wide
// screen a lesson's programs stand side by side; a transcript's lines are
// coloured by the side they belong to. The pages need no JavaScript and
// fetch nothing from the network: layout and colours are CSS classes.
package site

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"sockbook/content"
	"sockbook/content/render"
)

// Lessons looks up what a lesson block shows. Its Transcript is plain text
// (no escape codes) in the transcript's interleaved layout, whose lines
// start with their side and a bar, such as "server │ " or "client │ ", and
// a wrapped event's further lines with spaces and the bar; each line is
// coloured by its side.
type Lessons func(id string) (render.LessonView, bool)

// Export writes index.html, one <chapter>.html per chapter and style.css
// into dir, which it creates.
func Export(dir string, chapters []content.Chapter, lessons Lessons) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	md := content.NewMarkdown(
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(lessonTransformer{}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(lessonRenderer{lessons: lessons}, 100),
			util.Prioritized(codeRenderer{}, 100),
		)),
	)
	for i, ch := range chapters {
		var body bytes.Buffer
		if err := md.Convert(ch.Markdown, &body); err != nil {
			return fmt.Errorf("export %s: %w", ch.ID, err)
		}
		nav := `<nav><a href="index.html">Contents</a>`
		if i > 0 {
			nav += fmt.Sprintf(` · <a href="%s.html">← %s</a>`, chapters[i-1].ID, html.EscapeString(chapters[i-1].Title))
		}
		if i+1 < len(chapters) {
			nav += fmt.Sprintf(` · <a href="%s.html">%s →</a>`, chapters[i+1].ID, html.EscapeString(chapters[i+1].Title))
		}
		nav += "</nav>"
		page := pageHTML(ch.Title, nav+"\n"+body.String()+nav)
		if err := os.WriteFile(filepath.Join(dir, ch.ID+".html"), []byte(page), 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	var index strings.Builder
	index.WriteString("<h1>sockbook</h1>\n<p>TCP and UDP socket programming in Go.</p>\n<ol>\n")
	for _, ch := range chapters {
		fmt.Fprintf(&index, "<li><a href=\"%s.html\">%s</a></li>\n", ch.ID, html.EscapeString(ch.Title))
	}
	index.WriteString("</ol>\n")
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(pageHTML("sockbook", index.String())), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "style.css"), []byte(stylesheet), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func pageHTML(title, body string) string {
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<main>
%s
</main>
</body>
</html>
`, html.EscapeString(title), body)
}
