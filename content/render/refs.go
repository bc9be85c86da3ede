package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// CodeBlock is a fenced code block found in a document.
type CodeBlock struct {
	// Line is the 1-based line of the opening fence.
	Line int
	// Info is the block's info string, such as "go".
	Info string
	// Code is the block's content.
	Code string
}

// LessonRefs returns the ids named by the document's ```lesson blocks, in
// document order and with repeats. A lesson block that names no id gives
// "", so that a check that every id exists catches it.
func LessonRefs(markdown []byte) []string {
	var ids []string
	for _, b := range fencedBlocks(markdown) {
		if kind, id := classifyInfo(b.Info); kind == blockLesson {
			ids = append(ids, id)
		}
	}
	return ids
}

// UnmarkedGoBlocks returns the document's ```go blocks that are marked
// neither as a lesson nor as a fragment (```go fragment). A chapter should
// have none: its Go code is either a runnable lesson or a fragment.
func UnmarkedGoBlocks(markdown []byte) []CodeBlock {
	var out []CodeBlock
	for _, b := range fencedBlocks(markdown) {
		if kind, _ := classifyInfo(b.Info); kind == blockGo {
			out = append(out, b)
		}
	}
	return out
}

// fencedBlocks returns every fenced code block of the document, nested
// ones included, in document order.
func fencedBlocks(markdown []byte) []CodeBlock {
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	doc := md.Parser().Parse(text.NewReader(markdown))
	var out []CodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fb, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		b := CodeBlock{Info: infoString(fb, markdown)}
		var code bytes.Buffer
		for i := 0; i < fb.Lines().Len(); i++ {
			s := fb.Lines().At(i)
			code.Write(s.Value(markdown))
		}
		b.Code = code.String()
		if fb.Info != nil {
			b.Line = bytes.Count(markdown[:fb.Info.Segment.Start], []byte("\n")) + 1
		} else if fb.Lines().Len() > 0 {
			b.Line = bytes.Count(markdown[:fb.Lines().At(0).Start], []byte("\n"))
		}
		out = append(out, b)
		return ast.WalkSkipChildren, nil
	})
	return out
}
