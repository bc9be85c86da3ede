// Package render draws the workbook's Markdown in a terminal.
//
// It parses with the chapters' goldmark configuration (content.NewMarkdown)
// and installs its own goldmark node renderer, one small function per node
// kind. Text is laid out as plain runs first (wrapped on visible width:
// escape codes count 0, wide CJK characters 2) and coloured last, one
// colour per run, so that switching colour off changes no character of the
// layout and no colour ever spans a line break. Chinese and Japanese text,
// which has no spaces, breaks between its characters as the line-breaking
// rules of those languages allow: no line starts with closing punctuation
// ("，" "。" "）") and none ends with opening punctuation ("（" "“").
//
// Besides CommonMark and tables it knows three kinds of fenced block (as
// content.ParseFence reads their info strings):
//
//	```lesson basics/echo    a runnable lesson, drawn from Options.Lessons
//	```go fragment           Go code that is not a whole lesson
//	```sh / ```console       commands; lines starting "$ " are prompts
//
// and block quotes that open with **Note**, **Tip**, **Pitfall** or
// **Warning** (in a Chinese chapter **注意**, **提示**, **陷阱** or
// **警告**) become labelled call-outs. A lesson's code is set two
// columns in; that gutter holds the marks of lines that differ from
// another lesson's (CodeFile.Diff), so marked code stands where unmarked
// code does and is no wider.
package render

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/linediff"
)

// DefaultWidth is the width Render uses when Options.Width is not positive.
const DefaultWidth = 80

// Options says how to render a document. The zero value renders plain text
// 80 columns wide and marks every lesson block as unknown.
type Options struct {
	// Width is the number of columns text is wrapped to. Code and
	// transcripts are never wrapped and may be wider; blocks nested so deep
	// that fewer than 10 columns would be left are laid out 10 wide.
	Width int
	// Color turns on ANSI colours and attributes. When it is false the
	// output holds no escape byte at all.
	Color bool
	// Lessons looks up the lesson a ```lesson block names; it reports
	// false for an id it does not know.
	Lessons func(id string) (LessonView, bool)
	// Lang is the language of the renderer's own words in a lesson block
	// (the caption of a recorded run, the note on a marked file); the
	// document is in whichever language it is written in.
	Lang i18n.Lang
}

// LessonView is what a ```lesson block shows: the lesson's programs, the
// command that runs them and, when there is one, a transcript of a run:
// one recorded when the lesson was last checked, or one made now.
type LessonView struct {
	// ID is the lesson id, "<chapter>/<name>".
	ID string
	// Title is a one-line description of the lesson.
	Title string
	// Command is the command line that runs the lesson, such as
	// "sockbook run basics/echo".
	Command string
	// Files are the programs' sources, shown in this order.
	Files []CodeFile
	// Transcript is pre-rendered text (it may hold ANSI codes) placed
	// verbatim under the code; escape codes are removed when colour is off.
	Transcript string
	// Recorded reports whether Transcript is the lesson's recorded run
	// (each side's events in order, side after side) rather than a run
	// made now; a recorded one is captioned as such.
	Recorded bool
}

// CodeFile is one source file shown in a lesson block.
type CodeFile struct {
	// Label names the file's role, such as "server" or "client".
	Label string
	// Path is where the file lives in the repository.
	Path string
	// Source is the file's content. Files ending in ".go" (or with no
	// path) are highlighted as Go.
	Source []byte
	// Diff, when set, marks the lines of Source that differ from the
	// same file of another lesson; nil marks none.
	Diff *FileDiff
}

// FileDiff says how a lesson's file differs from the same file of the
// lesson it is shown against: a "right" program against its "wrong" one.
// Lines are marked in a gutter, "+" added and "~" changed, under a line
// that counts them.
type FileDiff struct {
	// Against is the id of the other lesson, such as "sticky/sendall-wrong".
	Against string
	// Result is linediff.Compare of the other file's source and this
	// one's: a mark for each line of Source.
	linediff.Result
}

// Render renders a Markdown document for the terminal. The result ends
// with a newline unless the document is empty.
func Render(markdown []byte, opts Options) (string, error) {
	md := content.NewMarkdown()
	// Set the renderer after goldmark.New: the table extension registers
	// its HTML renderer on the default one.
	md.SetRenderer(renderer.NewRenderer(
		renderer.WithNodeRenderers(util.Prioritized(newNodeRenderer(opts), 1000)),
	))
	var out bytes.Buffer
	if err := md.Convert(markdown, &out); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return out.String(), nil
}
