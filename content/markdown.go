package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// NewMarkdown returns the one goldmark configuration every reader of the
// chapters uses: CommonMark with GFM tables, where a line break inside a
// paragraph between two East Asian wide characters is no space (see
// JoinsLines). A reader that renders adds its own options on top (a node
// renderer, an AST transformer); the way a chapter's source is read stays
// the same everywhere.
func NewMarkdown(opts ...goldmark.Option) goldmark.Markdown {
	base := []goldmark.Option{
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(joinEastAsianLines{}, 500))),
	}
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
// line break as a space (none between Chinese lines, see JoinsLines), raw
// HTML left out. White space at both ends is
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

// JoinsLines reports whether a line break inside a paragraph, between a
// line ending in before and one starting with after, joins the two lines
// without a space: when both are East Asian wide or fullwidth characters
// (Chinese and Japanese text and punctuation), except Hangul, since Korean
// puts spaces between words. Chinese puts none, so a line break in a
// chapter's source must not become one. It is the rule browsers apply
// (CSS Text, segment break transformation), with one more case: a
// fullwidth punctuation mark ("，" "：" "（" "）") carries its own space,
// so a break next to it joins whatever is on the other side, a Latin word
// too ("Go：" then "net.Conn" reads "Go：net.Conn").
func JoinsLines(before, after rune) bool {
	return eastAsianWide(before) && eastAsianWide(after) ||
		wideMark(before) && !unicode.IsSpace(after) || wideMark(after) && !unicode.IsSpace(before)
}

// wideMark reports whether r is a fullwidth or wide punctuation mark.
func wideMark(r rune) bool { return eastAsianWide(r) && unicode.IsPunct(r) }

func eastAsianWide(r rune) bool {
	switch util.EastAsianWidth(r) {
	case "W", "F":
		return !unicode.Is(unicode.Hangul, r)
	}
	return false
}

// joinEastAsianLines is the AST transformer that applies JoinsLines: it
// takes the soft line break off a text node when the text that follows
// in the paragraph joins it without a space.
type joinEastAsianLines struct{}

func (joinEastAsianLines) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || !t.SoftLineBreak() || t.HardLineBreak() {
			return ast.WalkContinue, nil
		}
		before, ok := lastRune(t, src)
		if !ok {
			// Empty text that only holds the break, after an emphasis,
			// a link or a code span: the text before it ends the line.
			before, ok = runeBefore(t, src)
		}
		if !ok {
			return ast.WalkContinue, nil
		}
		if after, ok := runeAfter(t, src); ok && JoinsLines(before, after) {
			t.SetSoftLineBreak(false)
		}
		return ast.WalkContinue, nil
	})
}

// runeAfter returns the first character of the inline text that follows
// n in its block, looking into the next inline node's descendants (an
// emphasis, a link); it reports false when none follows.
func runeAfter(n ast.Node, src []byte) (rune, bool) {
	for ; n != nil && n.Type() == ast.TypeInline; n = n.Parent() {
		if next := n.NextSibling(); next != nil {
			return firstRune(next, src)
		}
	}
	return 0, false
}

// runeBefore returns the last character of the inline text that comes
// before n in its block; it reports false when none does.
func runeBefore(n ast.Node, src []byte) (rune, bool) {
	for ; n != nil && n.Type() == ast.TypeInline; n = n.Parent() {
		if prev := n.PreviousSibling(); prev != nil {
			return lastRune(prev, src)
		}
	}
	return 0, false
}

// firstRune returns the first character of n's text.
func firstRune(n ast.Node, src []byte) (rune, bool) {
	if v, ok := inlineValue(n, src); ok {
		r, size := utf8.DecodeRune(v)
		return r, size > 0
	}
	if c := n.FirstChild(); c != nil {
		return firstRune(c, src)
	}
	return 0, false
}

// lastRune returns the last character of n's text.
func lastRune(n ast.Node, src []byte) (rune, bool) {
	if v, ok := inlineValue(n, src); ok {
		r, size := utf8.DecodeLastRune(v)
		return r, size > 0
	}
	if c := n.LastChild(); c != nil {
		return lastRune(c, src)
	}
	return 0, false
}

// inlineValue returns the text a text or string node holds, and reports
// false for other nodes.
func inlineValue(n ast.Node, src []byte) ([]byte, bool) {
	switch t := n.(type) {
	case *ast.Text:
		return t.Segment.Value(src), true
	case *ast.String:
		return t.Value, true
	}
	return nil, false
}
