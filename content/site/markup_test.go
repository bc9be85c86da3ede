package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/linediff"
	"sockbook/content/render"
	"sockbook/content/site"
)

// parsePage parses a page of the exported site.
func parsePage(t *testing.T, path string) *html.Node {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// classes returns the classes of an element.
func classes(n *html.Node) []string {
	for _, a := range n.Attr {
		if a.Key == "class" {
			return strings.Fields(a.Val)
		}
	}
	return nil
}

// find returns the elements under n with the given tag ("" for any) and
// class ("" for any), in document order.
func find(n *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type != html.ElementNode || (tag != "" && d.Data != tag) {
			continue
		}
		if class == "" || slices.Contains(classes(d), class) {
			out = append(out, d)
		}
	}
	return out
}

// textOf returns the text inside n, as a browser shows it in a <pre>.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// spanTexts returns the text of each <span> with the class under n.
func spanTexts(n *html.Node, class string) []string {
	var out []string
	for _, s := range find(n, "span", class) {
		out = append(out, textOf(s))
	}
	return out
}

const markupChapter = "# Markup\n\n" +
	"```lesson basics/echo\n```\n\n" +
	"```go fragment\nif n, err := conn.Read(buf); err != nil { return 0 }\n```\n\n" +
	"```sh\n$ go run . # not Go\n```\n"

// TestExportLessonMarkup checks the markup of a lesson and of code
// blocks: the programs in one column each, Go code highlighted with the
// terminal's tokens and its text unchanged, and every transcript line
// classed by its side.
func TestExportLessonMarkup(t *testing.T) {
	dir := t.TempDir()
	ch := content.Chapter{ID: "markup", Title: "Markup", Markdown: []byte(markupChapter)}
	if err := site.Export(dir, one(ch)); err != nil {
		t.Fatal(err)
	}
	doc := parsePage(t, filepath.Join(dir, "markup.html"))
	lessons := find(doc, "section", "lesson")
	if len(lessons) != 1 {
		t.Fatalf("%d lesson sections, want 1", len(lessons))
	}
	lesson := lessons[0]
	view, _ := fakeLessons("basics/echo")

	programs := find(lesson, "div", "program")
	if len(programs) != len(view.Files) || len(find(lesson, "div", "programs")) != 1 {
		t.Fatalf("%d programs in %d .programs, want %d in one", len(programs), len(find(lesson, "div", "programs")), len(view.Files))
	}
	for i, p := range programs {
		f := view.Files[i]
		if h := find(p, "h4", ""); len(h) != 1 || textOf(h[0]) != f.Label+" — "+f.Path {
			t.Errorf("program %d is not headed %q", i, f.Label+" — "+f.Path)
		}
		code := find(p, "code", "language-go")
		if len(code) != 1 {
			t.Fatalf("program %d has %d Go code blocks, want 1", i, len(code))
		}
		if got := textOf(code[0]); got != string(f.Source) {
			t.Errorf("program %d shows %q, want its source %q", i, got, f.Source)
		}
		if kw := spanTexts(code[0], "kw"); !slices.Equal(kw, []string{"package", "func"}) {
			t.Errorf("program %d keywords = %q, want package and func", i, kw)
		}
	}
	if got := spanTexts(programs[0], "num"); !slices.Equal(got, []string{"1", "2"}) {
		t.Errorf("server numbers = %q", got)
	}
	if got := spanTexts(programs[1], "com"); !slices.Equal(got, []string{"// main dials."}) {
		t.Errorf("client comments = %q", got)
	}
	if got := spanTexts(programs[1], "str"); !slices.Equal(got, []string{`"hi"`}) {
		t.Errorf("client strings = %q", got)
	}

	// The client is marked against the lesson it fixes; the server is not.
	if len(find(programs[0], "pre", "diff")) != 0 || len(find(programs[1], "pre", "diff")) != 1 {
		t.Errorf("want the client's code alone marked (pre.diff)")
	}
	if got := spanTexts(programs[1], "changed"); !slices.Equal(got, []string{"// main dials."}) {
		t.Errorf("changed lines = %q", got)
	}
	if got := spanTexts(programs[1], "added"); !slices.Equal(got, []string{`func main() { println("hi") }`}) {
		t.Errorf("added lines = %q", got)
	}
	if p := find(programs[1], "p", "diff-summary"); len(p) != 1 || textOf(p[0]) != "against basics/x-wrong: ~ 1 line changed, + 1 added" {
		t.Errorf("the client's diff summary is missing or wrong: %d of them", len(p))
	}
	heads := find(lesson, "h4", "")
	if last := textOf(heads[len(heads)-1]); last != "Recorded run" || len(find(lesson, "p", "caption")) != 1 {
		t.Errorf("the transcript is headed %q, want \"Recorded run\" and a caption", last)
	}

	pres := find(lesson, "pre", "transcript")
	if len(pres) != 1 {
		t.Fatalf("%d transcripts, want 1", len(pres))
	}
	if got := textOf(pres[0]); got != fakeTranscript {
		t.Errorf("transcript text = %q, want %q", got, fakeTranscript)
	}
	var sides []string
	for l := range pres[0].ChildNodes() {
		if l.Type == html.ElementNode {
			sides = append(sides, strings.Join(classes(l), " "))
		}
	}
	wantSides := []string{"server", "client", "client", "server", "runner fail", "net"}
	if !slices.Equal(sides, wantSides) {
		t.Errorf("transcript line classes = %q, want %q", sides, wantSides)
	}
	if got := spanTexts(pres[0], "gutter"); len(got) != len(wantSides) || got[0] != "server │ " || got[2] != "       │ " {
		t.Errorf("gutters = %q", got)
	}

	var fragment, shell *html.Node
	for _, c := range find(doc, "code", "") {
		if c.Parent.Data != "pre" || slices.ContainsFunc(programs, func(p *html.Node) bool { return isUnder(c, p) }) {
			continue
		}
		switch {
		case slices.Contains(classes(c), "language-go"):
			fragment = c
		case slices.Contains(classes(c), "language-sh"):
			shell = c
		}
	}
	if fragment == nil || shell == nil {
		t.Fatalf("the chapter's go fragment or sh block is missing (%v, %v)", fragment, shell)
	}
	if got := spanTexts(fragment, "kw"); !slices.Equal(got, []string{"if", "return"}) {
		t.Errorf("fragment keywords = %q, want if and return", got)
	}
	if got, want := textOf(fragment), "if n, err := conn.Read(buf); err != nil { return 0 }\n"; got != want {
		t.Errorf("fragment text = %q, want %q", got, want)
	}
	if len(find(shell, "span", "")) != 0 || textOf(shell) != "$ go run . # not Go\n" {
		t.Errorf("sh block = %q with %d spans, want its text and no highlighting", textOf(shell), len(find(shell, "span", "")))
	}
}

func isUnder(n, ancestor *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == ancestor {
			return true
		}
	}
	return false
}

// TestStylesheetCoversMarkup exports every chapter and checks that each
// class the pages use has a rule in style.css, and that lessons go side
// by side on a wide screen through CSS alone.
func TestStylesheetCoversMarkup(t *testing.T) {
	dir := t.TempDir()
	if err := site.Export(dir, editions()); err != nil {
		t.Fatal(err)
	}
	css, err := os.ReadFile(filepath.Join(dir, "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	zh, err := filepath.Glob(filepath.Join(dir, "zh", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, zh...)
	used := map[string]bool{}
	for _, page := range pages {
		for _, n := range find(parsePage(t, page), "", "") {
			for _, c := range classes(n) {
				used[c] = true
			}
		}
	}
	for c := range used {
		if strings.HasPrefix(c, "language-") {
			continue // a hook for readers' own styles, as goldmark writes it
		}
		if !regexp.MustCompile(`\.` + regexp.QuoteMeta(c) + `\b`).Match(css) {
			t.Errorf("class %q is used but style.css has no rule for it", c)
		}
	}
	for _, c := range []string{"programs", "program", "kw", "str", "com", "num", "gutter", "server", "client", "runner", "net", "fail",
		"diff", "added", "changed", "diff-summary", "caption"} {
		if !used[c] {
			t.Errorf("no page uses class %q", c)
		}
	}
	wide := regexp.MustCompile(`(?s)@media \(min-width: [0-9.]+rem\) \{.*\.programs \{[^}]*grid-auto-flow: column`)
	if !wide.Match(css) || !strings.Contains(string(css), "display: grid") {
		t.Errorf("style.css does not put programs side by side on a wide screen:\n%s", css)
	}
}

// TestExportMarkedLinesKeepTheirText: marking a file's lines changes no
// character of its code, for Go highlighted over several lines (a raw
// string, a block comment) and for a file that is not Go; each marked
// span holds exactly one line.
func TestExportMarkedLinesKeepTheirText(t *testing.T) {
	files := []struct{ path, older, newer string }{
		{"main.go", "package main\n\nvar s = `a\nb`\n", "package main\n\n/* a\nb */\nvar s = `a\nc\nd`\n"},
		{"notes.txt", "one\n<two>\n", "one\n<2> & 3\nfour"},
	}
	for _, f := range files {
		lessons := func(id string) (render.LessonView, bool) {
			return render.LessonView{ID: id, Files: []render.CodeFile{{Label: "server", Path: f.path, Source: []byte(f.newer),
				Diff: &render.FileDiff{Against: "a/b-wrong", Result: linediff.Compare(f.older, f.newer)}}}}, true
		}
		dir := t.TempDir()
		ch := content.Chapter{ID: "marks", Title: "Marks", Markdown: []byte("```lesson a/b-right\n```\n")}
		if err := site.Export(dir, []site.Edition{{Lang: i18n.EN, Pages: []content.Chapter{ch}, Lessons: lessons}}); err != nil {
			t.Fatal(err)
		}
		code := find(parsePage(t, filepath.Join(dir, "marks.html")), "code", "")
		if len(code) != 1 {
			t.Fatalf("%s: %d code blocks, want 1", f.path, len(code))
		}
		if got := textOf(code[0]); got != f.newer {
			t.Errorf("%s: code text = %q, want %q", f.path, got, f.newer)
		}
		var marked []string
		for _, class := range []string{"added", "changed"} {
			for _, s := range spanTexts(code[0], class) {
				if strings.Contains(s, "\n") {
					t.Errorf("%s: a %s span holds a line break: %q", f.path, class, s)
				}
				marked = append(marked, s)
			}
		}
		res := linediff.Compare(f.older, f.newer)
		added, changed := res.Counts()
		if len(marked) != added+changed {
			t.Errorf("%s: %d marked lines %q, want %d", f.path, len(marked), marked, added+changed)
		}
	}
}
