package site

import (
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/render"
)

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
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
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
type lessonRenderer struct {
	lessons Lessons
	lang    i18n.Lang
	words   words
}

func (r lessonRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindLesson, r.render)
}

// render writes a lesson: its title, its programs (one column per side,
// side by side on a wide screen, the lines that differ from the lesson it
// fixes marked), the command that runs it and its transcript, recorded or
// made now.
func (r lessonRenderer) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
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
	if len(lv.Files) > 0 {
		w.WriteString("<div class=\"programs\">\n")
		for _, side := range bySide(lv.Files) {
			w.WriteString("<div class=\"program\">\n")
			for _, f := range side {
				fmt.Fprintf(w, "<h4>%s</h4>\n", html.EscapeString(fileLabel(f)))
				if f.Diff == nil {
					writeCode(w, sourceLanguage(f), string(f.Source))
					continue
				}
				fmt.Fprintf(w, "<p class=\"diff-summary\">%s</p>\n", html.EscapeString(f.Diff.SummaryIn(r.lang)))
				writeMarkedCode(w, sourceLanguage(f), string(f.Source), f.Diff.Marks)
			}
			w.WriteString("</div>\n")
		}
		w.WriteString("</div>\n")
	}
	if lv.Command != "" {
		fmt.Fprintf(w, "<h4>%s</h4>\n<pre><code>$ %s</code></pre>\n", html.EscapeString(r.words.runIt), html.EscapeString(lv.Command))
	}
	if lv.Transcript != "" {
		if lv.Recorded {
			fmt.Fprintf(w, "<h4>%s</h4>\n<p class=\"caption\">%s</p>\n", html.EscapeString(r.words.recordedRun), html.EscapeString(r.words.recordedCaption))
		} else {
			fmt.Fprintf(w, "<h4>%s</h4>\n", html.EscapeString(r.words.transcript))
		}
		writeTranscript(w, lv.Transcript)
	}
	w.WriteString("</section>\n")
	return ast.WalkSkipChildren, nil
}

// bySide groups files that follow one another with the same label (a
// program of several files), keeping their order.
func bySide(files []render.CodeFile) [][]render.CodeFile {
	var out [][]render.CodeFile
	for i, f := range files {
		if i > 0 && f.Label == files[i-1].Label {
			out[len(out)-1] = append(out[len(out)-1], f)
			continue
		}
		out = append(out, []render.CodeFile{f})
	}
	return out
}

// fileLabel names a file as the terminal does: "server — path", or
// whichever of the two it has.
func fileLabel(f render.CodeFile) string {
	switch {
	case f.Label != "" && f.Path != "":
		return f.Label + " — " + f.Path
	case f.Label != "":
		return f.Label
	}
	return f.Path
}

// sourceLanguage is "go" for a Go file (or one without a path, as the
// terminal reads it) and "" otherwise.
func sourceLanguage(f render.CodeFile) string {
	if f.Path == "" || strings.HasSuffix(f.Path, ".go") {
		return "go"
	}
	return ""
}
