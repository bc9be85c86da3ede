package render

import (
	"slices"
	"strings"
	"testing"

	"sockbook/content/i18n"
	"sockbook/content/linediff"
)

func TestGoTokens(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want []Token
	}{
		{"keywords, names and a number", "for i := 0; i < 3; i++ {}", []Token{
			{TokenKeyword, "for"}, {TokenPlain, " i := "}, {TokenNumber, "0"},
			{TokenPlain, "; i < "}, {TokenNumber, "3"}, {TokenPlain, "; i++ {}"},
		}},
		{"strings, runes and comments", "s := \"a\" + `b` // c\nr := 'x' /* d */", []Token{
			{TokenPlain, "s := "}, {TokenString, "\"a\""}, {TokenPlain, " + "}, {TokenString, "`b`"},
			{TokenPlain, " "}, {TokenComment, "// c"}, {TokenPlain, "\nr := "}, {TokenString, "'x'"},
			{TokenPlain, " "}, {TokenComment, "/* d */"},
		}},
		{"a raw string over two lines", "x := `a\nb`", []Token{
			{TokenPlain, "x := "}, {TokenString, "`a\nb`"},
		}},
		{"floats and imaginary numbers", "1.5 2i 0x1F", []Token{
			{TokenNumber, "1.5"}, {TokenPlain, " "}, {TokenNumber, "2i"}, {TokenPlain, " "}, {TokenNumber, "0x1F"},
		}},
		{"a fragment that is not a file", "return nil, err", []Token{
			{TokenKeyword, "return"}, {TokenPlain, " nil, err"},
		}},
		{"CJK in a comment and a string", "// 粘包\nfmt.Println(\"半包\")", []Token{
			{TokenComment, "// 粘包"}, {TokenPlain, "\nfmt.Println("}, {TokenString, "\"半包\""}, {TokenPlain, ")"},
		}},
		{"empty", "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := GoTokens(tc.src)
			if !slices.Equal(got, tc.want) {
				t.Errorf("GoTokens(%q) =\n%+v\nwant\n%+v", tc.src, got, tc.want)
			}
		})
	}
}

// TestGoTokensJoinToSource checks that the tokens of any text, Go or not,
// join to the text itself: nothing is lost or doubled when highlighting.
func TestGoTokensJoinToSource(t *testing.T) {
	for _, src := range []string{
		"package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n",
		"x := `raw\r\nwith CR`\n",
		"\"unterminated\nstring",
		"/* unterminated comment",
		"'",
		"$ not go at all @ # ~",
		"a\x00b",
		"\ufeffpackage main",
	} {
		var b strings.Builder
		for _, tok := range GoTokens(src) {
			b.WriteString(tok.Text)
		}
		if b.String() != src {
			t.Errorf("tokens of %q join to %q", src, b.String())
		}
	}
}

// TestRenderDiffMarks draws a lesson whose files are marked against
// another lesson's: the marks stand in the code's gutter, "+ " added and
// "~ " changed, without moving the code, under a line that counts them;
// in colour, added marks are green and changed ones yellow, and the
// layout is the same.
func TestRenderDiffMarks(t *testing.T) {
	const (
		older = "package main\n\nfunc main() {\n\tn, _ := read()\n\tuse(n)\n\tspin()\n}\n"
		newer = "package main\n\nfunc main() {\n\tn, err := read()\n\tif err != nil {\n\t\treturn\n\t}\n\tuse(n)\n}\n"
	)
	top, bottom := boxTop("a/b-right", 50), boxBottom(50)
	cases := []struct {
		name  string
		files []CodeFile
		want  string
	}{
		{
			name: "changed, added and removed lines",
			files: []CodeFile{{Label: "server", Source: []byte(newer),
				Diff: &FileDiff{Against: "a/b-wrong", Result: linediff.Compare(older, newer)}}},
			want: top +
				"│ server\n" +
				"│ against a/b-wrong: ~ 1 line changed, + 3 added,\n" +
				"│ 1 removed\n" +
				"│\n" +
				"│   package main\n" +
				"│\n" +
				"│   func main() {\n" +
				"│ ~     n, err := read()\n" +
				"│ +     if err != nil {\n" +
				"│ +         return\n" +
				"│ +     }\n" +
				"│       use(n)\n" +
				"│   }\n" +
				bottom,
		},
		{
			name: "the same file",
			files: []CodeFile{{Label: "client", Source: []byte(older),
				Diff: &FileDiff{Against: "a/b-wrong", Result: linediff.Compare(older, older)}}},
			want: top +
				"│ client\n" +
				"│ the same as in a/b-wrong\n" +
				"│\n" +
				"│   package main\n" +
				"│\n" +
				"│   func main() {\n" +
				"│       n, _ := read()\n" +
				"│       use(n)\n" +
				"│       spin()\n" +
				"│   }\n" +
				bottom,
		},
		{
			name: "lines removed only",
			files: []CodeFile{{Label: "client", Source: []byte("a\nc\n"), Path: "x.txt",
				Diff: &FileDiff{Against: "a/b-wrong", Result: linediff.Compare("a\nb\nb2\nc\n", "a\nc\n")}}},
			want: top +
				"│ client — x.txt\n" +
				"│ against a/b-wrong: 2 lines removed\n" +
				"│\n" +
				"│   a\n" +
				"│   c\n" +
				bottom,
		},
		{
			name:  "no diff, no marks",
			files: []CodeFile{{Label: "server", Path: "x.txt", Source: []byte("a\nb\n")}},
			want: top +
				"│ server — x.txt\n" +
				"│\n" +
				"│   a\n" +
				"│   b\n" +
				bottom,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lessons := func(id string) (LessonView, bool) { return LessonView{ID: id, Files: tc.files}, true }
			md := []byte("```lesson a/b-right\n```")
			plain, err := Render(md, Options{Width: 50, Lessons: lessons})
			if err != nil {
				t.Fatal(err)
			}
			if plain != tc.want {
				t.Errorf("plain:\n%s\nwant\n%s", plain, tc.want)
			}
			coloured, err := Render(md, Options{Width: 50, Color: true, Lessons: lessons})
			if err != nil {
				t.Fatal(err)
			}
			if StripANSI(coloured) != plain {
				t.Errorf("coloured output without escapes differs from the plain one:\n%s", StripANSI(coloured))
			}
			const green, yellow = "\x1b[1;32m+ \x1b[22;0m", "\x1b[1;33m~ \x1b[22;0m"
			if got, want := strings.Count(coloured, green), strings.Count(plain, "│ + "); got != want {
				t.Errorf("%d green + marks, want %d:\n%q", got, want, coloured)
			}
			if got, want := strings.Count(coloured, yellow), strings.Count(plain, "│ ~ "); got != want {
				t.Errorf("%d yellow ~ marks, want %d:\n%q", got, want, coloured)
			}
		})
	}
}

// TestRenderRecordedCaption: a recorded transcript is captioned as one;
// a run made now is not.
func TestRenderRecordedCaption(t *testing.T) {
	for _, recorded := range []bool{false, true} {
		lessons := func(id string) (LessonView, bool) {
			return LessonView{ID: id, Transcript: "server │ hi\n", Recorded: recorded}, true
		}
		got, err := Render([]byte("```lesson a/b\n```"), Options{Width: 50, Lessons: lessons})
		if err != nil {
			t.Fatal(err)
		}
		want := boxTop("a/b", 50) + "│ server │ hi\n" + boxBottom(50)
		if recorded {
			want = boxTop("a/b", 50) +
				"│ Recorded run, each side's events in order:\n" +
				"│ server │ hi\n" +
				boxBottom(50)
		}
		if got != want {
			t.Errorf("recorded %v:\n%s\nwant\n%s", recorded, got, want)
		}
	}
}

// boxTop and boxBottom are a lesson box's first and last lines, width
// columns wide.
func boxTop(id string, width int) string {
	return "┌─ " + id + " " + strings.Repeat("─", width-4-len(id)) + "\n"
}

func boxBottom(width int) string { return "└" + strings.Repeat("─", width-1) + "\n" }

func TestFileDiffSummary(t *testing.T) {
	cases := []struct {
		older, newer string
		want, zh     string
	}{
		{"a\n", "a\n", "the same as in x/y-wrong", "与 x/y-wrong 相同"},
		{"a\n", "b\n", "against x/y-wrong: ~ 1 line changed", "对照 x/y-wrong：~ 改动 1 行"},
		{"a\nb\n", "c\nd\n", "against x/y-wrong: ~ 2 lines changed", "对照 x/y-wrong：~ 改动 2 行"},
		{"a\n", "a\nb\n", "against x/y-wrong: + 1 line added", "对照 x/y-wrong：+ 新增 1 行"},
		{"a\nb\nc\n", "a\n", "against x/y-wrong: 2 lines removed", "对照 x/y-wrong：删除 2 行"},
		{"a\nb\n", "x\nb\ny\nz\n", "against x/y-wrong: ~ 1 line changed, + 2 added", "对照 x/y-wrong：~ 改动 1 行，+ 新增 2 行"},
		{"a\nb\nc\nd\n", "x\nb\nc\n", "against x/y-wrong: ~ 1 line changed, 1 removed", "对照 x/y-wrong：~ 改动 1 行，删除 1 行"},
		{"a\nb\nc\nd\n", "b\nc\nd\ne\nf\n", "against x/y-wrong: + 2 lines added, 1 removed", "对照 x/y-wrong：+ 新增 2 行，删除 1 行"},
	}
	for _, tc := range cases {
		d := &FileDiff{Against: "x/y-wrong", Result: linediff.Compare(tc.older, tc.newer)}
		if got := d.Summary(); got != tc.want {
			t.Errorf("Summary of %q against %q = %q, want %q", tc.newer, tc.older, got, tc.want)
		}
		if got := d.SummaryIn(i18n.ZH); got != tc.zh {
			t.Errorf("SummaryIn(ZH) of %q against %q = %q, want %q", tc.newer, tc.older, got, tc.zh)
		}
	}
}
