package site

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"sockbook/content"
	"sockbook/content/linediff"
	"sockbook/content/render"
)

// tokenClass is the CSS class of each kind of highlighted token; plain
// text has none.
var tokenClass = map[render.TokenKind]string{
	render.TokenKeyword: "kw",
	render.TokenString:  "str",
	render.TokenComment: "com",
	render.TokenNumber:  "num",
}

// codeRenderer writes fenced code blocks, Go ones highlighted.
type codeRenderer struct{}

func (r codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

// render writes a fenced block as goldmark does, <pre><code
// class="language-…">, and highlights it when content.ParseFence reads it
// as Go code (```go, ```go fragment).
func (codeRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		code.Write(s.Value(source))
	}
	lang := ""
	if l := n.Language(source); l != nil {
		lang = content.Unescape(l)
	}
	switch content.ParseFence(content.InfoString(n, source)).Kind {
	case content.FenceGo, content.FenceFragment:
		lang = "go"
	}
	writeCode(w, lang, code.String())
	return ast.WalkSkipChildren, nil
}

// writeCode writes a block of code in language lang ("" for none); Go
// code is highlighted with the terminal's tokens.
func writeCode(w util.BufWriter, lang, code string) {
	w.WriteString("<pre><code")
	if lang != "" {
		w.WriteString(` class="language-` + html.EscapeString(lang) + `"`)
	}
	w.WriteString(">")
	if lang == "go" {
		w.WriteString(highlightGo(code))
	} else {
		w.WriteString(html.EscapeString(code))
	}
	w.WriteString("</code></pre>\n")
}

// markClass is the CSS class of a line with each diff mark; a line the
// same in both files has none.
var markClass = map[linediff.Mark]string{
	linediff.Added:   "added",
	linediff.Changed: "changed",
}

// writeMarkedCode writes a lesson file's code as writeCode does, each
// line marked as added or changed in a <span class="added"> or
// <span class="changed">; the stylesheet draws the marks (a band and a
// "+" or "~" beside the line) outside the text, so the code copies as it
// is. The <pre> has the class "diff".
func writeMarkedCode(w util.BufWriter, lang, code string, marks []linediff.Mark) {
	w.WriteString(`<pre class="diff"><code`)
	if lang != "" {
		w.WriteString(` class="language-` + html.EscapeString(lang) + `"`)
	}
	w.WriteString(">")
	var rows []string
	if lang == "go" {
		rows = strings.Split(highlightGo(code), "\n")
	} else {
		rows = strings.Split(html.EscapeString(code), "\n")
	}
	for i, row := range rows {
		if i > 0 {
			w.WriteString("\n")
		}
		class := ""
		if i < len(marks) {
			class = markClass[marks[i]]
		}
		if class == "" {
			w.WriteString(row)
			continue
		}
		w.WriteString(`<span class="` + class + `">` + row + `</span>`)
	}
	w.WriteString("</code></pre>\n")
}

// highlightGo returns Go source as HTML: each keyword, literal, comment
// and number in a <span> whose class names its kind. No <span> holds a
// line break, so the HTML cuts into lines where the source does.
func highlightGo(src string) string {
	var b strings.Builder
	for _, tok := range render.GoTokens(src) {
		class, ok := tokenClass[tok.Kind]
		if !ok {
			b.WriteString(html.EscapeString(tok.Text))
			continue
		}
		for i, part := range strings.Split(tok.Text, "\n") {
			if i > 0 {
				b.WriteString("\n")
			}
			if part != "" {
				b.WriteString(`<span class="` + class + `">` + html.EscapeString(part) + `</span>`)
			}
		}
	}
	return b.String()
}
