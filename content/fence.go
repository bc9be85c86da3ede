package content

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// FenceKind is what a fenced code block's info string makes of the block.
type FenceKind int

// The kinds of fenced block. The words of an info string are matched as
// the chapters write them, in lower case: "```Go" or "```Lesson x" is a
// plain block.
const (
	FencePlain    FenceKind = iota // any other language, or none
	FenceGo                        // ```go or ```golang: Go code that is neither lesson nor fragment
	FenceFragment                  // ```go fragment or ```fragment: Go code that is not a whole lesson
	FenceShell                     // ```sh, ```shell or ```bash: commands
	FenceConsole                   // ```console: commands and their output
	FenceLesson                    // ```lesson <id>: a runnable lesson, drawn from the lessons catalog
)

// Fence is the reading of a fenced code block's info string.
type Fence struct {
	// Kind is the kind of block.
	Kind FenceKind
	// Words are the info string's words ("lesson", "basics/echo").
	Words []string
	// Lesson is the id a lesson block names. It is "" unless the block
	// names exactly one, so that a lesson block naming none or several is
	// caught by whoever looks the id up.
	Lesson string
}

// ParseFence reads a fenced code block's info string. A block is a lesson
// block when the info string's first word is "lesson"; it is well formed
// when exactly one lesson id follows, as in "```lesson basics/echo".
func ParseFence(info string) Fence {
	words := strings.Fields(info)
	f := Fence{Words: words}
	if len(words) == 0 {
		return f
	}
	switch words[0] {
	case "lesson":
		f.Kind = FenceLesson
		if len(words) == 2 {
			f.Lesson = words[1]
		}
	case "fragment":
		f.Kind = FenceFragment
	case "go", "golang":
		f.Kind = FenceGo
		if slices.Contains(words[1:], "fragment") {
			f.Kind = FenceFragment
		}
	case "sh", "shell", "bash":
		f.Kind = FenceShell
	case "console":
		f.Kind = FenceConsole
	}
	return f
}

// InfoString returns the info string of a fenced code block as written,
// or "" when it has none.
func InfoString(n *ast.FencedCodeBlock, source []byte) string {
	if n.Info == nil {
		return ""
	}
	return string(n.Info.Segment.Value(source))
}

// CodeBlock is a fenced code block found in a document.
type CodeBlock struct {
	// Line is the 1-based line of the opening fence.
	Line int
	// Info is the block's info string, such as "go".
	Info string
	// Code is the block's content.
	Code string
}

// CodeBlocks returns every fenced code block of the document, nested ones
// included, in document order.
func CodeBlocks(markdown []byte) []CodeBlock {
	var out []CodeBlock
	_ = ast.Walk(Parse(markdown), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fb, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		b := CodeBlock{Info: InfoString(fb, markdown)}
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

// LessonRefs returns the ids named by the document's lesson blocks, in
// document order and with repeats. A lesson block that does not name
// exactly one id gives "", so that a check that every id exists catches
// it.
func LessonRefs(markdown []byte) []string {
	var ids []string
	for _, b := range CodeBlocks(markdown) {
		if f := ParseFence(b.Info); f.Kind == FenceLesson {
			ids = append(ids, f.Lesson)
		}
	}
	return ids
}

// UnmarkedGoBlocks returns the document's ```go blocks that are marked
// neither as a lesson nor as a fragment (```go fragment). A chapter should
// have none: its Go code is either a runnable lesson or a fragment.
func UnmarkedGoBlocks(markdown []byte) []CodeBlock {
	var out []CodeBlock
	for _, b := range CodeBlocks(markdown) {
		if ParseFence(b.Info).Kind == FenceGo {
			out = append(out, b)
		}
	}
	return out
}
