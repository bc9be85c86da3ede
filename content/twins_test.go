package content

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"sockbook/content/i18n"
)

// TestTranslationsAreTwins holds every translated page to the shape of
// its English twin: the same lesson blocks in the same order, the same
// exercise sections, as many headings at each level. A page with no
// translation yet is skipped: it is read in English.
func TestTranslationsAreTwins(t *testing.T) {
	for _, lang := range i18n.All() {
		if lang == i18n.EN {
			continue
		}
		for _, id := range Translated(lang) {
			en, tr := source(t, i18n.EN, id), source(t, lang, id)
			for _, p := range twinProblems(en, tr) {
				t.Errorf("content/%s: %s", Path(lang, id), p)
			}
		}
	}
}

// TestTranslationsHaveNoEnglishLeft flags every paragraph, list item,
// heading and table cell of a Chinese page that has no Chinese character
// outside code: a part left untranslated.
func TestTranslationsHaveNoEnglishLeft(t *testing.T) {
	for _, id := range Translated(i18n.ZH) {
		for _, p := range untranslated(source(t, i18n.ZH, id)) {
			t.Errorf("content/%s: %s", Path(i18n.ZH, id), p)
		}
	}
}

// TestTwinFixture proves the two tests above on a short real chapter and
// its translation (testdata/twin): the pair as written passes, and each
// kind of damage to the translation is caught.
func TestTwinFixture(t *testing.T) {
	en := readFile(t, filepath.Join("testdata", "twin", "en.md"))
	zh := readFile(t, filepath.Join("testdata", "twin", "zh.md"))
	if p := append(twinProblems(en, zh), untranslated(zh)...); len(p) > 0 {
		t.Fatalf("the fixture's translation should pass, got:\n%s", strings.Join(p, "\n"))
	}
	cases := []struct {
		name      string
		old, new  string // the damage: old replaced by new in the translation
		wantTwin  string // what twinProblems must report ("" for nothing)
		wantWords string // what untranslated must report ("" for nothing)
	}{
		{
			name: "a lesson left out",
			old:  "```lesson sticky/half-read\n```\n", new: "",
			wantTwin: `lesson blocks: English has [sticky/two-writes sticky/half-read], this has [sticky/two-writes]`,
		},
		{
			name: "lessons in another order",
			old:  "```lesson sticky/two-writes\n```\n", new: "",
			wantTwin: `lesson blocks: English has [sticky/two-writes sticky/half-read], this has [sticky/half-read]`,
		},
		{
			name: "a heading left out",
			old:  "## 一次写，两次读\n", new: "",
			wantTwin: "level-2 headings: English has 3 (Two writes, one read; One write, two reads; Exercise: line-frames), this has 2 (两次写，一次读; 练习：line-frames)",
		},
		{
			name: "a heading demoted",
			old:  "## 一次写，两次读\n", new: "### 一次写，两次读\n",
			wantTwin: "level-3 headings: English has 0 (), this has 1 (一次写，两次读)",
		},
		{
			name: "an exercise renamed",
			old:  "## 练习：line-frames", new: "## 练习：line-frame",
			wantTwin: "exercise sections: English has [line-frames], this has [line-frame]",
		},
		{
			name:      "a paragraph left in English",
			old:       "第一次没读走的字节留在内核里，等着下一次 `Read`。一条消息，读了两次：这\n就是半包。",
			new:       "The bytes the first read did not take waited in the kernel for the next\n`Read`. One message, two reads: a half packet.",
			wantWords: `paragraph at line 44 has no Chinese outside code: "The bytes the first read did not take waited in the kernel for the next Read. One message, two reads: a half packet."`,
		},
		{
			name: "a table cell left in English",
			old:  "| 第一次 `Read`，缓冲区 2 字节 |", new: "| the first `Read`, 2-byte buffer |",
			wantWords: `table cell at line 41 has no Chinese outside code: "the first Read, 2-byte buffer"`,
		},
		{
			name: "a list item left in English",
			old:  "- 空行的长度是 `0`。", new: "- An empty line's length is `0`.",
			wantWords: `list item at line 52 has no Chinese outside code: "An empty line's length is 0."`,
		},
		{
			name: "a heading left in English",
			old:  "## 两次写，一次读", new: "## Two writes, one read",
			wantWords: `heading at line 14 has no Chinese outside code: "Two writes, one read"`,
		},
		{
			name:      "a call-out left in English",
			old:       "> **注意**：本章有几个示例要经过 sockbook 的中继（relay）。中继是夹在客户端\n> 和服务端之间的小代理，故意切碎、延迟或合并数据流；它的说明在运行记录里\n> 以 `net` 开头。",
			new:       "> **Note** Several lessons here run through sockbook's relay.",
			wantWords: `paragraph at line 10 has no Chinese outside code: "Note Several lessons here run through sockbook's relay."`,
		},
		{
			name: "a call-out labelled in English",
			old:  "> **注意**：本章", new: "> **Note**：本章",
			wantWords: `call-out at line 10 is labelled in English: "Note"`,
		},
		{
			name: "code, numbers and a proper name need no Chinese",
			old:  "| 调用 | 返回 |", new: "| `Read` | Python |",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(string(zh), tc.old) {
				t.Fatalf("the fixture lacks %q", tc.old)
			}
			damaged := []byte(strings.Replace(string(zh), tc.old, tc.new, 1))
			check := func(what string, got []string, want string) {
				switch {
				case want == "" && len(got) > 0:
					t.Errorf("%s reports %q, want nothing", what, got)
				case want != "" && !slices.Contains(got, want):
					t.Errorf("%s reports %q, want %q among them", what, got, want)
				}
			}
			check("twinProblems", twinProblems(en, damaged), tc.wantTwin)
			check("untranslated", untranslated(damaged), tc.wantWords)
		})
	}
}

// twinProblems compares a translation tr with its English twin en and
// describes every difference of shape: lesson blocks (ids and order),
// exercise sections, and the number of headings at each level.
func twinProblems(en, tr []byte) []string {
	var out []string
	if a, b := LessonRefs(en), LessonRefs(tr); !slices.Equal(a, b) {
		out = append(out, fmt.Sprintf("lesson blocks: English has %v, this has %v", a, b))
	}
	if a, b := ExerciseRefs(en), ExerciseRefs(tr); !slices.Equal(a, b) {
		out = append(out, fmt.Sprintf("exercise sections: English has %v, this has %v", a, b))
	}
	he, ht := headings(en), headings(tr)
	for level := 1; level <= 6; level++ {
		if a, b := he[level], ht[level]; len(a) != len(b) {
			out = append(out, fmt.Sprintf("level-%d headings: English has %d (%s), this has %d (%s)",
				level, len(a), strings.Join(a, "; "), len(b), strings.Join(b, "; ")))
		}
	}
	return out
}

// headings returns the plain text of the document's headings by level.
func headings(md []byte) map[int][]string {
	out := map[int][]string{}
	_ = ast.Walk(Parse(md), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			out[h.Level] = append(out[h.Level], PlainText(h, md))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// englishAllowed lists the only texts a Chinese page may leave without a
// Chinese character: proper names, which have no translation, and a
// command line written without code marks. Keep it short; code belongs
// in code spans, which need no translation.
var englishAllowed = []string{"Python", "Go", "Python → Go", "TCP", "UDP", "IPv4", "IPv6", "Linux", "macOS", "Windows", "sockbook"}

// untranslated describes every paragraph, list item, heading and table
// cell of md that holds letters but no Chinese character outside code
// spans, code blocks and autolinks, unless it is one of englishAllowed.
func untranslated(md []byte) []string {
	var out []string
	_ = ast.Walk(Parse(md), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var kind string
		switch n.Kind() {
		case ast.KindParagraph:
			kind = "paragraph"
			if n.Parent() != nil && n.Parent().Kind() == ast.KindListItem {
				kind = "list item"
			}
		case ast.KindTextBlock:
			kind = "list item"
		case ast.KindHeading:
			kind = "heading"
		case east.KindTableCell:
			kind = "table cell"
		default:
			return ast.WalkContinue, nil
		}
		if label := englishCallout(n, md); label != "" {
			out = append(out, fmt.Sprintf("call-out at line %d is labelled in English: %q", line(n, md), label))
		}
		prose := strings.Join(strings.Fields(proseText(n, md)), " ")
		if text := strings.Join(strings.Fields(PlainText(n, md)), " "); needsChinese(prose) && !slices.Contains(englishAllowed, text) {
			out = append(out, fmt.Sprintf("%s at line %d has no Chinese outside code: %q", kind, line(n, md), text))
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// englishCallout returns the label of a call-out paragraph (a quote that
// opens with **Note**, **Tip**, **Pitfall** or **Warning**) labelled in
// English, or "": a Chinese page labels them 注意, 提示, 陷阱 and 警告.
func englishCallout(n ast.Node, md []byte) string {
	em, ok := n.FirstChild().(*ast.Emphasis)
	if n.Kind() != ast.KindParagraph || n.Parent() == nil || n.Parent().Kind() != ast.KindBlockquote || !ok || em.Level != 2 {
		return ""
	}
	label := strings.TrimRight(strings.TrimSpace(PlainText(em, md)), ":：")
	if slices.Contains([]string{"Note", "Tip", "Pitfall", "Warning"}, label) {
		return label
	}
	return ""
}

// proseText returns the text of n's inline content outside code spans,
// autolinks and raw HTML: what a translator translates.
func proseText(n ast.Node, md []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			b.WriteString(" ")
		case *ast.Text:
			b.Write(c.Segment.Value(md))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteString(" ")
			}
		case *ast.String:
			b.Write(c.Value)
		default:
			b.WriteString(proseText(c, md))
		}
	}
	return b.String()
}

// needsChinese reports whether text has a letter and no Han character.
func needsChinese(text string) bool {
	letters := false
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// line returns the 1-based line where block n starts.
func line(n ast.Node, md []byte) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return strings.Count(string(md[:c.Lines().At(0).Start]), "\n") + 1
		}
		if t, ok := c.(*ast.Text); ok {
			return strings.Count(string(md[:t.Segment.Start]), "\n") + 1
		}
	}
	return 0
}

func source(t *testing.T, lang i18n.Lang, id string) []byte {
	t.Helper()
	md, err := Source(lang, id)
	if err != nil {
		t.Fatal(err)
	}
	return md
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
