// Package site exports the chapters as a static web site: one page per
// chapter and an index, rendered by goldmark's own HTML renderer, with each
// lesson block shown as its code and a recorded transcript. The pages need
// no JavaScript and fetch nothing from the network.
package site

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"sockbook/content"
	"sockbook/content/render"
)

// Lessons looks up what a lesson block shows; its Transcript is plain text.
type Lessons func(id string) (render.LessonView, bool)

// Export writes index.html, one <chapter>.html per chapter and style.css
// into dir, which it creates.
func Export(dir string, chapters []content.Chapter, lessons Lessons) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	md := content.NewMarkdown(
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(lessonTransformer{}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(lessonRenderer{lessons: lessons}, 100))),
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

const stylesheet = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #222; background: #fdfdfd; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
nav { margin: 1rem 0; font-size: 0.9rem; }
code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9rem; }
pre { background: #f4f4f4; padding: 0.75rem 1rem; overflow-x: auto; border-radius: 4px; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; }
blockquote { border-left: 4px solid #4a7bd0; margin: 1rem 0; padding: 0.2rem 1rem; background: #f3f6fc; }
section.lesson { border: 1px solid #bbb; border-radius: 6px; padding: 0 1rem 1rem; margin: 1.5rem 0; }
section.lesson h4 { margin: 0.8rem 0 0.3rem; font-size: 0.9rem; color: #555; }
pre.transcript { background: #1e1e1e; color: #ddd; }
`

// kindLesson is the AST node kind of a lesson block.
var kindLesson = ast.NewNodeKind("Lesson")

// lessonNode replaces a lesson block in the AST.
type lessonNode struct {
	ast.BaseBlock
	fence content.Fence
}

func (n *lessonNode) Kind() ast.NodeKind            { return kindLesson }
func (n *lessonNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// lessonTransformer turns lesson blocks (as content.ParseFence reads
// them) into lessonNodes.
type lessonTransformer struct{}

func (lessonTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var blocks []*ast.FencedCodeBlock
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering {
			blocks = append(blocks, fb)
		}
		return ast.WalkContinue, nil
	})
	src := reader.Source()
	for _, fb := range blocks {
		if f := content.ParseFence(content.InfoString(fb, src)); f.Kind == content.FenceLesson {
			fb.Parent().ReplaceChild(fb.Parent(), fb, &lessonNode{fence: f})
		}
	}
}

// lessonRenderer writes a lesson block as HTML.
type lessonRenderer struct{ lessons Lessons }

func (r lessonRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindLesson, r.render)
}

func (r lessonRenderer) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	fence := n.(*lessonNode).fence
	id := fence.Lesson
	var lv render.LessonView
	ok := false
	if id != "" {
		lv, ok = r.lessons(id)
	}
	if !ok {
		msg := "unknown lesson " + id
		switch {
		case len(fence.Words) < 2:
			msg = "lesson block names no lesson"
		case id == "":
			msg = "lesson block names more than one lesson: " + strings.Join(fence.Words[1:], " ")
		}
		fmt.Fprintf(w, "<p><strong>%s</strong></p>\n", html.EscapeString(msg))
		return ast.WalkSkipChildren, nil
	}
	fmt.Fprintf(w, "<section class=\"lesson\" id=\"%s\">\n<h3>%s <small>(%s)</small></h3>\n",
		html.EscapeString(strings.ReplaceAll(id, "/", "-")), html.EscapeString(lv.Title), html.EscapeString(id))
	for _, f := range lv.Files {
		fmt.Fprintf(w, "<h4>%s — %s</h4>\n<pre><code class=\"language-go\">%s</code></pre>\n",
			html.EscapeString(f.Label), html.EscapeString(f.Path), html.EscapeString(string(f.Source)))
	}
	fmt.Fprintf(w, "<h4>Run it</h4>\n<pre><code>$ %s</code></pre>\n", html.EscapeString(lv.Command))
	if lv.Transcript != "" {
		fmt.Fprintf(w, "<h4>Transcript</h4>\n<pre class=\"transcript\">%s</pre>\n", html.EscapeString(lv.Transcript))
	}
	w.WriteString("</section>\n")
	return ast.WalkSkipChildren, nil
}
