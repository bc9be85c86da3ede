package content

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// firstBlock returns the first node of the parsed document for which
// want reports true.
func firstBlock(t *testing.T, md string, want func(ast.Node) bool) ast.Node {
	t.Helper()
	var found ast.Node
	_ = ast.Walk(Parse([]byte(md)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && want(n) {
			found = n
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found == nil {
		t.Fatalf("no such node in %q", md)
	}
	return found
}

func TestPlainText(t *testing.T) {
	cases := []struct{ name, md, want string }{
		{"plain", "just words", "just words"},
		{"emphasis and strong lose their markers", "*a* **b** ***c*** _d_", "a b c d"},
		{"code span keeps its text, not its ticks", "call `net.Dial` now", "call net.Dial now"},
		{"code span keeps backslashes and entities", "`a\\*b &amp;`", "a\\*b &amp;"},
		{"line ending in a code span is a space", "`a\nb`", "a b"},
		{"named character reference", "Tom &amp; Jerry", "Tom & Jerry"},
		{"numeric character references", "&#65;&#x42; &lt;tag&gt;", "AB <tag>"},
		{"backslash escapes", "1\\. not \\*emphasis\\*", "1. not *emphasis*"},
		{"reference inside emphasis", "*fish &amp; chips*", "fish & chips"},
		{"soft line break is a space", "one\ntwo", "one two"},
		{"hard line break is a space", "one\\\ntwo", "one two"},
		{"link shows its text", "[the docs](https://go.dev) here", "the docs here"},
		{"autolink shows its address", "see <https://go.dev>", "see https://go.dev"},
		{"image shows its alt text", "![a gopher](g.png)", "a gopher"},
		{"raw HTML is left out", "a <b>bold</b> word", "a bold word"},
		{"white space at the ends is trimmed", "  padded  ", "padded"},
		{"CJK text", "粘包 &amp; 半包", "粘包 & 半包"},
		{"a line break between Chinese lines is no space", "第一行\n第二行", "第一行第二行"},
		{"nor after Chinese punctuation", "你好，\n世界", "你好，世界"},
		{"nor after emphasis", "这是**重点**\n内容", "这是重点内容"},
		{"nor after a link", "见[第一章](basics.html)\n的例子", "见第一章的例子"},
		{"nor before emphasis", "第一行\n*第二行*", "第一行第二行"},
		{"between Chinese and Latin it is a space", "中文\nEnglish", "中文 English"},
		{"after a code span it is a space", "调用`Read`\n读取", "调用Read 读取"},
		{"a hard break between Chinese lines stays a space", "第一行\\\n第二行", "第一行 第二行"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := firstBlock(t, tc.md, func(n ast.Node) bool { return n.Kind() == ast.KindParagraph })
			if got := PlainText(p, []byte(tc.md)); got != tc.want {
				t.Errorf("PlainText(%q) = %q, want %q", tc.md, got, tc.want)
			}
		})
	}
}

func TestPlainTextTableCell(t *testing.T) {
	md := "| a &amp; b | `c` |\n|---|---|\n| x | y |\n"
	cell := firstBlock(t, md, func(n ast.Node) bool { return n.Kind() == east.KindTableCell })
	if got, want := PlainText(cell, []byte(md)), "a & b"; got != want {
		t.Errorf("PlainText(first cell) = %q, want %q (tables are part of the configuration)", got, want)
	}
}

func TestJoinsLines(t *testing.T) {
	cases := []struct {
		before, after rune
		want          bool
	}{
		{'中', '文', true},
		{'，', '文', true},  // fullwidth comma
		{'。', '「', true},  // CJK punctuation
		{'文', '（', true},  // fullwidth bracket
		{'あ', 'カ', true},  // kana
		{'Ａ', '文', true},  // fullwidth Latin
		{'中', 'a', false}, // Latin
		{'a', '中', false},
		{'a', 'b', false},
		{'中', '1', false},
		{'“', '中', false}, // ambiguous width: kept as a space
		{'한', '국', false}, // Hangul: Korean spaces its words
		{'😀', '中', false}, // emoji are wide but not East Asian text
		{'：', 'I', true},  // a fullwidth mark has its own space
		{'，', '1', true},
		{'a', '（', true},
		{'）', '`', true},
		{'“', 'a', false}, // ambiguous width: not a fullwidth mark
	}
	for _, tc := range cases {
		if got := JoinsLines(tc.before, tc.after); got != tc.want {
			t.Errorf("JoinsLines(%q, %q) = %v, want %v", tc.before, tc.after, got, tc.want)
		}
	}
}

func TestTitleResolvesReferences(t *testing.T) {
	if got, want := Title([]byte("# Fish &amp; `chips`\n")), "Fish & chips"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
}

func TestUnescape(t *testing.T) {
	cases := map[string]string{
		"plain":          "plain",
		"\\*x\\*":        "*x*",
		"\\a":            "\\a", // not punctuation: kept
		"&amp;&lt;&gt;":  "&<>",
		"&#35;&#x23;":    "##",
		"&nosuchentity;": "&nosuchentity;",
		"粘包&nbsp;半包":     "粘包\u00a0半包",
	}
	for in, want := range cases {
		if got := Unescape([]byte(in)); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseFence(t *testing.T) {
	cases := []struct {
		info   string
		kind   FenceKind
		lesson string
	}{
		{"", FencePlain, ""},
		{"python", FencePlain, ""},
		{"go", FenceGo, ""},
		{"golang", FenceGo, ""},
		{"go fragment", FenceFragment, ""},
		{"go fragment extra words", FenceFragment, ""},
		{"fragment", FenceFragment, ""},
		{"sh", FenceShell, ""},
		{"shell", FenceShell, ""},
		{"bash", FenceShell, ""},
		{"console", FenceConsole, ""},
		{"lesson basics/echo", FenceLesson, "basics/echo"},
		{"  lesson   basics/echo  ", FenceLesson, "basics/echo"},
		{"lesson\tbasics/echo", FenceLesson, "basics/echo"},
		// A lesson block must name exactly one lesson.
		{"lesson", FenceLesson, ""},
		{"lesson basics/echo basics/hello", FenceLesson, ""},
		{"lesson basics/echo fragment", FenceLesson, ""},
		// Words are matched in lower case, as the chapters write them.
		{"Lesson basics/echo", FencePlain, ""},
		{"LESSON basics/echo", FencePlain, ""},
		{"Go", FencePlain, ""},
		{"go Fragment", FenceGo, ""},
		// "lesson" must be the first word.
		{"go lesson basics/echo", FenceGo, ""},
		{"lessons basics/echo", FencePlain, ""},
	}
	for _, tc := range cases {
		f := ParseFence(tc.info)
		if f.Kind != tc.kind || f.Lesson != tc.lesson {
			t.Errorf("ParseFence(%q) = kind %v, lesson %q; want kind %v, lesson %q", tc.info, f.Kind, f.Lesson, tc.kind, tc.lesson)
		}
		if want := strings.Fields(tc.info); !slices.Equal(f.Words, want) {
			t.Errorf("ParseFence(%q).Words = %q, want %q", tc.info, f.Words, want)
		}
	}
}

const refsDoc = "# T\n\n" +
	"```lesson basics/hello\n```\n\n" +
	"- item\n\n  ```lesson basics/echo\n  ```\n\n" +
	"> ```lesson basics/hello\n> ```\n\n" +
	"```lesson\n```\n\n" +
	"```go\nfunc unmarked() {}\n```\n\n" +
	"```go fragment\nx := 1\n```\n\n" +
	"```fragment\ny := 2\n```\n\n" +
	"```golang\nvar z int\n```\n\n" +
	"```sh\ngo run .\n```\n\n" +
	"```lesson basics/a basics/b\n```\n\n" +
	"~~~lesson basics/tilde\n~~~\n"

func TestLessonRefs(t *testing.T) {
	got := LessonRefs([]byte(refsDoc))
	want := []string{"basics/hello", "basics/echo", "basics/hello", "", "", "basics/tilde"}
	if !slices.Equal(got, want) {
		t.Errorf("LessonRefs = %q, want %q", got, want)
	}
	if got := LessonRefs([]byte("no blocks")); len(got) != 0 {
		t.Errorf("LessonRefs of a document without lessons = %q", got)
	}
}

func TestUnmarkedGoBlocks(t *testing.T) {
	got := UnmarkedGoBlocks([]byte(refsDoc))
	want := []CodeBlock{
		{Line: 17, Info: "go", Code: "func unmarked() {}\n"},
		{Line: 29, Info: "golang", Code: "var z int\n"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("UnmarkedGoBlocks = %+v, want %+v", got, want)
	}
}

func TestCodeBlocksListsFences(t *testing.T) {
	md := "intro\n\n```go fragment\nx := 1\n```\n\n    indented, not fenced\n\n```\nno info\n```\n"
	got := CodeBlocks([]byte(md))
	want := []CodeBlock{
		{Line: 3, Info: "go fragment", Code: "x := 1\n"},
		{Line: 9, Info: "", Code: "no info\n"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("CodeBlocks = %+v, want %+v", got, want)
	}
}

// TestNewMarkdown checks that the shared configuration reads GFM tables
// and that options given to NewMarkdown come on top of it.
func TestNewMarkdown(t *testing.T) {
	const md = "| a |\n|---|\n| b |\n\none\ntwo\n"
	var plain, wrapped strings.Builder
	if err := NewMarkdown().Convert([]byte(md), &plain); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plain.String(), "<table>") || strings.Contains(plain.String(), "<br>") {
		t.Errorf("NewMarkdown() = %q, want a table and no <br>", plain.String())
	}
	withHardWraps := goldmark.WithRendererOptions(html.WithHardWraps())
	if err := NewMarkdown(withHardWraps).Convert([]byte(md), &wrapped); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(wrapped.String(), "<table>") || !strings.Contains(wrapped.String(), "one<br>") {
		t.Errorf("NewMarkdown(hard wraps) = %q, want a table and a <br>", wrapped.String())
	}
}
