package present

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"sockbook/content"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name   string
		md     string
		titles []string
		starts []string // how each section's Markdown begins
	}{
		{
			name:   "no level-2 heading is one section",
			md:     "# Title\n\nJust an intro.\n\n### A third-level heading\n",
			titles: []string{"Title"},
			starts: []string{"# Title\n"},
		},
		{
			name:   "intro then sections",
			md:     "# Title\n\nIntro.\n\n## One\n\nFirst.\n\n## Two\nSecond.\n",
			titles: []string{"Title", "One", "Two"},
			starts: []string{"# Title\n", "## One\n\nFirst.", "## Two\nSecond."},
		},
		{
			name:   "## inside a fenced code block does not split",
			md:     "## Shell\n\n```sh\n## a comment, not a heading\necho hi\n```\n\n## Next\n",
			titles: []string{"Shell", "Next"},
			starts: []string{"## Shell\n\n```sh\n## a comment", "## Next\n"},
		},
		{
			name:   "tilde fences and longer fences hold ## too",
			md:     "## A\n\n~~~\n## no\n~~~\n\n````md\n```\n## no\n```\n````\n\n## B\n",
			titles: []string{"A", "B"},
			starts: []string{"## A\n", "## B\n"},
		},
		{
			name:   "an unclosed fence runs to the end",
			md:     "## A\n\n```\n## no\n",
			titles: []string{"A"},
			starts: []string{"## A\n"},
		},
		{
			name:   "## in a block quote, a list item or indented code does not split",
			md:     "## A\n\n> ## quoted\n\n- item\n\n  ## in the item\n\n    ## indented code\n",
			titles: []string{"A"},
			starts: []string{"## A\n"},
		},
		{
			name:   "### does not split",
			md:     "## A\n\n### A.1\n\n#### A.1.1\n",
			titles: []string{"A"},
			starts: []string{"## A\n"},
		},
		{
			name:   "blank text before the first ## is no section",
			md:     "\n  \n\n## A\n\ntext\n",
			titles: []string{"A"},
			starts: []string{"## A\n"},
		},
		{
			name:   "sections that are only a heading",
			md:     "## A\n## B\n\n## C",
			titles: []string{"A", "B", "C"},
			starts: []string{"## A\n", "## B\n\n", "## C"},
		},
		{
			name:   "an empty ## heading still splits",
			md:     "Intro.\n\n##\n\nUntitled.\n\n## ##\n## B\n",
			titles: []string{"", "", "", "B"},
			starts: []string{"Intro.", "##\n\nUntitled.", "## ##\n", "## B\n"},
		},
		{
			name:   "setext level-2 heading splits",
			md:     "Intro.\n\nSection\n-------\n\nBody.\n",
			titles: []string{"", "Section"},
			starts: []string{"Intro.", "Section\n-------"},
		},
		{
			name:   "titles lose markup and closing hashes",
			md:     "# The *first* `Read`\n\n## Sticky **packets** ##\n",
			titles: []string{"The first Read", "Sticky packets"},
			starts: []string{"# The", "## Sticky"},
		},
		{
			name:   "CRLF line ends",
			md:     "# T\r\n\r\n## A\r\ntext\r\n## B\r\n",
			titles: []string{"T", "A", "B"},
			starts: []string{"# T\r\n", "## A\r\n", "## B\r\n"},
		},
		{
			name:   "indented ## up to three spaces splits",
			md:     "intro\n\n   ## A\n",
			titles: []string{"", "A"},
			starts: []string{"intro", "   ## A"},
		},
		{name: "empty document", md: ""},
		{name: "blank document", md: " \n\n\t\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			secs := Split([]byte(tt.md))
			var titles []string
			var joined strings.Builder
			for i, s := range secs {
				titles = append(titles, s.Title)
				if i < len(tt.starts) && !strings.HasPrefix(string(s.Markdown), tt.starts[i]) {
					t.Errorf("section %d starts %q, want %q", i, s.Markdown, tt.starts[i])
				}
				joined.Write(s.Markdown)
			}
			if !slices.Equal(titles, tt.titles) {
				t.Errorf("titles = %q, want %q", titles, tt.titles)
			}
			// The sections are the document, less blank text before them.
			md, got := tt.md, joined.String()
			if !strings.HasSuffix(md, got) || strings.TrimSpace(md[:len(md)-len(got)]) != "" {
				t.Errorf("sections joined = %q, want the end of %q", got, md)
			}
		})
	}
}

func TestSplitLessons(t *testing.T) {
	md := "# T\n\n```lesson basics/echo\n```\n\n## A\n\n```lesson sticky/a\n```\n\n```go fragment\nx := 1\n```\n\n" +
		"```lesson sticky/b\n```\n\n```lesson sticky/a\n```\n\n```lesson\n```\n\n## B\n\nNo lessons.\n"
	secs := Split([]byte(md))
	want := [][]string{{"basics/echo"}, {"sticky/a", "sticky/b"}, nil}
	if len(secs) != len(want) {
		t.Fatalf("got %d sections, want %d", len(secs), len(want))
	}
	for i, s := range secs {
		if !slices.Equal(s.Lessons, want[i]) {
			t.Errorf("section %d lessons = %q, want %q", i, s.Lessons, want[i])
		}
	}
}

// TestSplitChapters checks every chapter splits where goldmark sees its
// top-level level-2 headings, and loses nothing.
func TestSplitChapters(t *testing.T) {
	for _, ch := range content.Chapters() {
		t.Run(ch.ID, func(t *testing.T) {
			var want []string
			doc := content.Parse(ch.Markdown)
			for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
				if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
					want = append(want, content.PlainText(h, ch.Markdown))
				}
			}
			secs := Split(ch.Markdown)
			if len(secs) != len(want)+1 {
				t.Fatalf("%d sections, want the intro and %d", len(secs), len(want))
			}
			if secs[0].Title != ch.Title {
				t.Errorf("intro title %q, want the chapter's %q", secs[0].Title, ch.Title)
			}
			var joined []byte
			for i, s := range secs {
				joined = append(joined, s.Markdown...)
				if i > 0 && (s.Title != want[i-1] || !strings.HasPrefix(string(s.Markdown), "## ")) {
					t.Errorf("section %d: title %q, starts %.20q; want %q", i, s.Title, s.Markdown, want[i-1])
				}
			}
			if string(joined) != string(ch.Markdown) {
				t.Error("the sections joined are not the chapter")
			}
		})
	}
}
