package content

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// NewMarkdown returns the one goldmark configuration every reader of the
// chapters uses: CommonMark with GFM tables. A reader that renders adds
// its own options on top (a node renderer, an AST transformer); the way a
// chapter's source is read stays the same everywhere.
func NewMarkdown(opts ...goldmark.Option) goldmark.Markdown {
	base := []goldmark.Option{goldmark.WithExtensions(extension.Table)}
	return goldmark.New(append(base, opts...)...)
}

// Parse parses a document as NewMarkdown reads it and returns its root.
func Parse(markdown []byte) ast.Node {
	return NewMarkdown().Parser().Parse(text.NewReader(markdown))
}

// PlainText returns the text of n's inline descendants as a reader sees
// it, without markup: backslash escapes and character references such as
// "&amp;" and "&#65;" resolved, code spans as written (line endings
// inside them become spaces), an autolink as its address, a soft or hard
// line break as a space, raw HTML left out. White space at both ends is
// trimmed.
func PlainText(n ast.Node, source []byte) string {
	var b strings.Builder
	writePlain(&b, n, source)
	return strings.TrimSpace(b.String())
}

func writePlain(b *strings.Builder, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			if t.IsRaw() {
				b.Write(t.Segment.Value(source))
			} else {
				b.WriteString(Unescape(t.Segment.Value(source)))
			}
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if t.IsCode() || t.IsRaw() {
				b.Write(t.Value)
			} else {
				b.WriteString(Unescape(t.Value))
			}
		case *ast.CodeSpan:
			var code strings.Builder
			writePlain(&code, t, source)
			b.WriteString(strings.ReplaceAll(code.String(), "\n", " "))
		case *ast.AutoLink:
			b.Write(t.Label(source))
		case *ast.RawHTML:
			// markup, not text
		default:
			writePlain(b, c, source)
		}
	}
}

// Unescape resolves the backslash escapes and character references of a
// piece of Markdown text ("\*" is "*", "&amp;" is "&", "&#65;" is "A").
func Unescape(v []byte) string {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}
