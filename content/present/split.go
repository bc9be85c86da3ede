package present

import (
	"bytes"
	"regexp"
	"slices"

	"github.com/yuin/goldmark/ast"

	"sockbook/content"
)

// Section is one screen of a presentation: a level-2 heading and what
// follows it up to the next one, or the part of the document before its
// first level-2 heading.
type Section struct {
	// Title is the plain text of the section's heading. For the part
	// before the first level-2 heading it is the text of the document's
	// level-1 heading, or "" when there is none.
	Title string
	// Markdown is the section's source, a slice of the document's.
	Markdown []byte
	// Lessons lists the ids of the section's ```lesson blocks, in order,
	// each once; a block that names no lesson is left out.
	Lessons []string
}

// Split splits a Markdown document into sections at its top-level
// level-2 headings ("## Title", or a title underlined with "---"), as
// goldmark parses the document: a line starting with "##" inside a fenced
// code block, an HTML block, a block quote or a list item does not start
// a section. The part before the first level-2 heading (usually the
// "# Title" and an introduction) is the first section, unless it holds
// nothing but white space. A section may be only its heading. A document
// without level-2 headings is one section; an empty one has none.
//
// Link reference definitions are not copied between sections: a
// reference link works only in the section that defines it.
func Split(markdown []byte) []Section {
	doc := content.Parse(markdown)

	type cut struct {
		at    int
		title string
	}
	var cuts []cut
	introTitle, cursor := "", 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		switch {
		case ok && h.Level == 1 && len(cuts) == 0 && introTitle == "":
			introTitle = content.PlainText(h, markdown)
		case ok && h.Level == 2:
			if at, found := headingLine(h, markdown, cursor); found {
				cuts = append(cuts, cut{at: at, title: content.PlainText(h, markdown)})
				cursor = max(cursor, lineEnd(markdown, at))
			}
		}
		cursor = max(cursor, lastStop(n))
	}

	var out []Section
	introEnd := len(markdown)
	if len(cuts) > 0 {
		introEnd = cuts[0].at
	}
	if len(bytes.TrimSpace(markdown[:introEnd])) > 0 {
		out = append(out, newSection(introTitle, markdown[:introEnd]))
	}
	for i, c := range cuts {
		end := len(markdown)
		if i+1 < len(cuts) {
			end = cuts[i+1].at
		}
		out = append(out, newSection(c.title, markdown[c.at:end]))
	}
	return out
}

func newSection(title string, md []byte) Section {
	s := Section{Title: title, Markdown: md}
	for _, id := range content.LessonRefs(md) {
		if id != "" && !slices.Contains(s.Lessons, id) {
			s.Lessons = append(s.Lessons, id)
		}
	}
	return s
}

// emptyATX2 matches a level-2 ATX heading with no text, such as "##" or
// "## ##", which goldmark gives no source position.
var emptyATX2 = regexp.MustCompile(`^ {0,3}##(?:[ \t]+#*)?[ \t]*\r?$`)

// headingLine returns the offset of the first line of heading h. An
// empty heading has no position in the tree, so it is the first line
// from cursor (the end of the blocks before it) that reads as one.
func headingLine(h *ast.Heading, src []byte, cursor int) (int, bool) {
	if h.Lines().Len() > 0 {
		return lineStart(src, h.Lines().At(0).Start), true
	}
	for at := lineStart(src, cursor); at < len(src); at = lineEnd(src, at) {
		if emptyATX2.Match(src[at:lineEndNoNL(src, at)]) {
			return at, true
		}
	}
	return 0, false
}

// lastStop returns the end of the last source text that n or its
// descendants hold, or 0 when they hold none.
func lastStop(n ast.Node) int {
	stop := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.Type() {
		case ast.TypeBlock, ast.TypeDocument:
			if l := c.Lines(); l.Len() > 0 {
				stop = max(stop, l.At(l.Len()-1).Stop)
			}
			if fb, ok := c.(*ast.FencedCodeBlock); ok && fb.Info != nil {
				stop = max(stop, fb.Info.Segment.Stop)
			}
		case ast.TypeInline:
			if t, ok := c.(*ast.Text); ok {
				stop = max(stop, t.Segment.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	return stop
}

// lineStart returns the offset of the start of the line holding src[i].
func lineStart(src []byte, i int) int {
	i = min(i, len(src))
	return bytes.LastIndexByte(src[:i], '\n') + 1
}

// lineEnd returns the offset just after the newline ending the line that
// starts at i, or len(src).
func lineEnd(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(src)
}

// lineEndNoNL returns the offset of the newline ending the line that
// starts at i, or len(src).
func lineEndNoNL(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}
