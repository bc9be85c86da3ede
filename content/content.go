// Package content holds the workbook's chapters: one Markdown file per
// chapter, embedded in the binary and read in a fixed order. The chapter id
// is the file's name without ".md" and is the same id the lessons catalog
// and the command line use.
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
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

//go:embed *.md
var files embed.FS

// Chapter is one chapter of the workbook.
type Chapter struct {
	// ID is the chapter id, such as "basics".
	ID string
	// Title is the text of the chapter's first level-1 heading.
	Title string
	// Markdown is the chapter's source.
	Markdown []byte
}

// IDs returns every chapter id in reading order.
func IDs() []string {
	return []string{"basics", "loops", "reuse", "udp", "sticky", "headers", "concurrency", "projects"}
}

// Chapters returns the chapters in reading order. Every id of IDs has its
// file content/<id>.md; a test holds that.
func Chapters() []Chapter {
	var out []Chapter
	for _, id := range IDs() {
		if ch, err := load(id); err == nil {
			out = append(out, ch)
		}
	}
	return out
}

// Find returns the chapter with the given id.
func Find(id string) (Chapter, error) {
	if !slices.Contains(IDs(), id) {
		return Chapter{}, fmt.Errorf("no chapter %q (chapters: %s)", id, strings.Join(IDs(), ", "))
	}
	return load(id)
}

func load(id string) (Chapter, error) {
	md, err := fs.ReadFile(files, id+".md")
	if err != nil {
		return Chapter{}, fmt.Errorf("chapter %s: %w", id, err)
	}
	return Chapter{ID: id, Title: Title(md), Markdown: md}, nil
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
