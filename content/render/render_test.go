package render

import (
	"regexp"
	"strings"
	"testing"
)

// fakeLessons knows one lesson, basics/x, with a transcript holding
// escape codes.
func fakeLessons(id string) (LessonView, bool) {
	if id != "basics/x" {
		return LessonView{}, false
	}
	return LessonView{
		ID:      "basics/x",
		Title:   "A title",
		Command: "sockbook run basics/x",
		Files: []CodeFile{
			{Label: "server", Path: "x/main.go", Source: []byte("package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n")},
		},
		Transcript: "\x1b[36mserver\x1b[0m │ hi\n",
	}, true
}

var renderCases = []struct {
	name  string
	width int
	md    string
	want  string
	// wide lists the lines allowed to be wider than width: code, which is
	// never wrapped.
	wide []string
}{
	{
		name: "headings", width: 40,
		md:   "# Title\n\n## Section\n\n### Sub\n\n#### Deeper",
		want: "Title\n═════\n\nSection\n───────\n\n▸ Sub\n\n▸ Deeper\n",
	},
	{
		name: "heading wraps with hanging indent", width: 20,
		md:   "### A third level heading",
		want: "▸ A third level\n  heading\n",
	},
	{
		name: "paragraph wraps at width", width: 20,
		md:   "The quick brown fox jumps over the lazy dog and keeps on running.",
		want: "The quick brown fox\njumps over the lazy\ndog and keeps on\nrunning.\n",
	},
	{
		name: "soft break is a space", width: 40,
		md:   "one\ntwo\nthree",
		want: "one two three\n",
	},
	{
		name: "hard breaks are kept", width: 40,
		md:   "one\\\ntwo  \nthree",
		want: "one\ntwo\nthree\n",
	},
	{
		name: "emphasis and strong lose their markers", width: 40,
		md:   "*a* **b** ***c*** _d_",
		want: "a b c d\n",
	},
	{
		name: "inline code keeps its backticks", width: 40,
		md:   "call `net.Dial` now",
		want: "call `net.Dial` now\n",
	},
	{
		name: "inline code is not broken at its spaces", width: 30,
		md:   "see `sockbook check hello-once` here",
		want: "see\n`sockbook check hello-once`\nhere\n",
	},
	{
		name: "links", width: 80,
		md:   "[Go](https://go.dev) and [https://go.dev](https://go.dev) and <https://go.dev>",
		want: "Go (https://go.dev) and https://go.dev and https://go.dev\n",
	},
	{
		name: "word longer than the width is cut", width: 10,
		md:   "a supercalifragilisticexpialidocious word",
		want: "a\nsupercalif\nragilistic\nexpialidoc\nious word\n",
	},
	{
		name: "CJK wraps at double width", width: 10,
		md:   "粘包是一个常见的问题粘包",
		want: "粘包是一个\n常见的问题\n粘包\n",
	},
	{
		name: "CJK closing punctuation never starts a line", width: 8,
		md:   "一二三四，五六",
		want: "一二三\n四，五六\n",
	},
	{
		name: "CJK mixed with latin words", width: 12,
		md:   "TCP 是一个 stream 协议",
		want: "TCP 是一个\nstream 协议\n",
	},
	{
		name: "nested lists with hanging indents", width: 24,
		md:   "- one two three four five six seven\n- b\n  - nested words that wrap around here\n  - c\n",
		want: "• one two three four\n  five six seven\n• b\n  ◦ nested words that\n    wrap around here\n  ◦ c\n",
	},
	{
		name: "ordered list markers line up", width: 20,
		md:   "9. nine\n10. ten and some more words\n",
		want: " 9. nine\n10. ten and some\n    more words\n",
	},
	{
		name: "loose list keeps blank lines", width: 20,
		md:   "- a\n\n- b\n",
		want: "• a\n\n• b\n",
	},
	{
		name: "third level bullets", width: 20,
		md:   "- a\n  - b\n    - c\n",
		want: "• a\n  ◦ b\n    ▪ c\n",
	},
	{
		name: "block quote", width: 20,
		md:   "> quoted text that wraps around",
		want: "│ quoted text that\n│ wraps around\n",
	},
	{
		name: "call-out Note", width: 40,
		md:   "> **Note** Keep it short.",
		want: "│ Note\n│ Keep it short.\n",
	},
	{
		name: "call-out Tip with colon inside", width: 40,
		md:   "> **Tip:** Use io.ReadFull.",
		want: "│ Tip\n│ Use io.ReadFull.\n",
	},
	{
		name: "call-out Pitfall with colon after", width: 40,
		md:   "> **Pitfall**: one Read is not one message.",
		want: "│ Pitfall\n│ one Read is not one message.\n",
	},
	{
		name: "call-out 注意 with a full-width colon after", width: 40,
		md:   "> **注意**：一次 Read 不等于一条消息。",
		want: "│ 注意\n│ 一次 Read 不等于一条消息。\n",
	},
	{
		name: "call-out 陷阱 with a full-width colon inside", width: 40,
		md:   "> **陷阱：** 别忘了关闭。",
		want: "│ 陷阱\n│ 别忘了关闭。\n",
	},
	{
		name: "call-out Warning on its own line", width: 40,
		md:   "> **Warning**\n> Close what you open.\n>\n> Twice.",
		want: "│ Warning\n│ Close what you open.\n│\n│ Twice.\n",
	},
	{
		name: "strong text that is not a call-out label", width: 40,
		md:   "> **Bold** text",
		want: "│ Bold text\n",
	},
	{
		name: "go fragment", width: 40,
		md:   "```go fragment\nx := 1 // one\n```",
		want: "    x := 1 // one\n",
	},
	{
		name: "code line wider than the width is not wrapped", width: 20,
		md:   "```go\nfmt.Println(\"a long line of code\")\n```",
		want: "    fmt.Println(\"a long line of code\")\n",
		wide: []string{"    fmt.Println(\"a long line of code\")"},
	},
	{
		name: "tabs in code become four columns", width: 40,
		md:   "```go\nfunc f() {\n\treturn\n}\n```",
		want: "    func f() {\n        return\n    }\n",
	},
	{
		name: "indented code block", width: 40,
		md:   "text\n\n    raw code\n",
		want: "text\n\n    raw code\n",
	},
	{
		name: "console block", width: 40,
		md:   "```console\n$ go run .\nhello\n```",
		want: "    $ go run .\n    hello\n",
	},
	{
		name: "table with alignment", width: 40,
		md:   "| a | b | c |\n|:--|--:|:-:|\n| x | yy | zzzzz |",
		want: "a │  b │   c\n──┼────┼──────\nx │ yy │ zzzzz\n",
	},
	{
		name: "table wider than the width is truncated", width: 20,
		md:   "| name | description |\n|---|---|\n| listen | socket, bind and listen in one call |",
		want: "name   │ description\n───────┼────────────\nlisten │ socket, bi…\n",
	},
	{
		name: "table shrinks the widest column first", width: 20,
		md:   "| aaaaaaaaaaaa | bbbbbb | c |\n|---|---|---|\n| 1 | 2 | 3 |",
		want: "aaaaaa… │ bbbbbb │ c\n────────┼────────┼──\n1       │ 2      │ 3\n",
	},
	{
		name: "table shrinks equal columns in turn", width: 25,
		md:   "| aaaaaaaaaaaa | bbbbbbbbbbbb | c |\n|---|---|---|\n| 1 | 2 | 3 |",
		want: "aaaaaaaa… │ bbbbbbbb… │ c\n──────────┼───────────┼──\n1         │ 2         │ 3\n",
	},
	{
		name: "thematic break is a rule of the width", width: 10,
		md:   "a\n\n---\n\nb",
		want: "a\n\n──────────\n\nb\n",
	},
	{
		name: "lesson block", width: 40,
		md: "```lesson basics/x\n```",
		want: "┌─ basics/x ────────────────────────────\n" +
			"│ A title\n" +
			"│\n" +
			"│ server — x/main.go\n" +
			"│\n" +
			"│   package main\n" +
			"│\n" +
			"│   func main() {\n" +
			"│       println(\"hi\")\n" +
			"│   }\n" +
			"│\n" +
			"│ $ sockbook run basics/x\n" +
			"│\n" +
			"│ server │ hi\n" +
			"└───────────────────────────────────────\n",
	},
	{
		name: "unknown lesson", width: 40,
		md:   "```lesson basics/nope\n```",
		want: "!! unknown lesson basics/nope\n",
	},
	{
		name: "lesson block without an id", width: 40,
		md:   "```lesson\n```",
		want: "!! lesson block names no lesson\n",
	},
	{
		name: "lesson block naming two lessons", width: 70,
		md:   "```lesson basics/x basics/y\n```",
		want: "!! lesson block names more than one lesson: basics/x basics/y\n",
	},
	{
		name: "a capitalised Lesson is a plain block", width: 40,
		md:   "```Lesson basics/x\nkept as code\n```",
		want: "    kept as code\n",
	},
	{
		name: "image", width: 40,
		md:   "![a gopher](g.png)",
		want: "[image: a gopher] (g.png)\n",
	},
	{
		name: "HTML comments are dropped", width: 40,
		md:   "a\n\n<!-- hidden -->\n\nb <!-- also hidden -->",
		want: "a\n\nb\n",
	},
	{
		name: "HTML blocks are shown as they are", width: 10,
		md:   "<div class=\"wide-html\">\nhi\n</div>",
		want: "<div class=\"wide-html\">\nhi\n</div>\n",
		wide: []string{"<div class=\"wide-html\">"},
	},
	{
		name: "hard break right after a call-out label is dropped", width: 40,
		md:   "> **Note**\\\n> text",
		want: "│ Note\n│ text\n",
	},
	{
		name: "escapes and entities", width: 40,
		md:   "1\\. not a list \\*x\\* &amp; &#65;",
		want: "1. not a list *x* & A\n",
	},
	{
		name: "escape codes in the source never reach the output", width: 40,
		md:   "a \x1b[31mred\x1b[0m word",
		want: "a [31mred[0m word\n",
	},
	{
		name: "empty document", width: 40,
		md:   "",
		want: "",
	},
}

func TestRenderPlain(t *testing.T) {
	for _, tc := range renderCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Render([]byte(tc.md), Options{Width: tc.width, Lessons: fakeLessons})
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Render(%q) =\n%s\nwant\n%s\n(quoted: %q)", tc.md, got, tc.want, got)
			}
			if strings.IndexByte(got, 0x1b) >= 0 {
				t.Errorf("plain output holds an ESC byte: %q", got)
			}
			for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				if VisibleWidth(l) > tc.width && !contains(tc.wide, l) {
					t.Errorf("line %q is %d columns, wider than %d", l, VisibleWidth(l), tc.width)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestRenderColorKeepsLayout checks, for every case, that colour changes
// no character of the layout and that no colour runs past a line's end.
func TestRenderColorKeepsLayout(t *testing.T) {
	for _, tc := range renderCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Render([]byte(tc.md), Options{Width: tc.width, Color: true, Lessons: fakeLessons})
			if err != nil {
				t.Fatal(err)
			}
			if StripANSI(got) != tc.want {
				t.Errorf("coloured output without escapes =\n%s\nwant\n%s", StripANSI(got), tc.want)
			}
			for _, l := range strings.Split(got, "\n") {
				if open := openAttributes(l); open != "" {
					t.Errorf("line %q leaves %s open", l, open)
				}
			}
		})
	}
}

var sgr = regexp.MustCompile("\x1b\\[([0-9;]*)m")

// openAttributes follows the SGR codes of one line and names the
// attributes still on at its end, or returns "".
func openAttributes(l string) string {
	on := map[string]bool{}
	for _, m := range sgr.FindAllStringSubmatch(l, -1) {
		for _, code := range strings.Split(m[1], ";") {
			switch code {
			case "", "0":
				clear(on)
			case "1":
				on["bold"] = true
			case "2":
				on["faint"] = true
			case "22":
				delete(on, "bold")
				delete(on, "faint")
			case "3":
				on["italic"] = true
			case "23":
				delete(on, "italic")
			case "4":
				on["underline"] = true
			case "24":
				delete(on, "underline")
			case "39":
				delete(on, "colour")
			default:
				on["colour"] = true
			}
		}
	}
	var names []string
	for k := range on {
		names = append(names, k)
	}
	return strings.Join(names, ",")
}

func TestRenderColorStyles(t *testing.T) {
	const (
		bold    = "\x1b[1m"
		magenta = "\x1b[35m"
		green   = "\x1b[32m"
	)
	cases := []struct {
		name, md string
		want     []string // substrings of the coloured output
	}{
		{"h1 bold bright magenta", "# T", []string{"\x1b[1;95mT\x1b[22;0m"}},
		{"h2 bold cyan", "## T", []string{"\x1b[1;36mT\x1b[22;0m"}},
		{"h3 bold", "### T", []string{bold + "▸ T"}},
		{"strong", "**s**", []string{bold + "s\x1b[22m"}},
		{"emphasis", "*e*", []string{"\x1b[3me\x1b[23m"}},
		{"inline code yellow, ticks faint", "`c`", []string{"\x1b[2m`\x1b[22m\x1b[33mc\x1b[0m"}},
		{"link underlined blue, URL faint", "[a](u)", []string{"\x1b[4;34ma\x1b[24;0m", "\x1b[2m(u)\x1b[22m"}},
		{"go keyword, string, comment, number", "```go\nfunc f() { x := \"s\" + 1 } // c\n```",
			[]string{magenta + "func\x1b[0m", green + "\"s\"\x1b[0m", "\x1b[36m1\x1b[0m", "\x1b[3;90m// c\x1b[23;0m"}},
		{"shell prompt", "```sh\n$ go run .\nout\n```", []string{"\x1b[1;32m$ \x1b[22;0m\x1b[1mgo run .\x1b[22m", "    out"}},
		{"Note bar and label blue", "> **Note** n", []string{"\x1b[34m│ \x1b[0m\x1b[1;34mNote\x1b[22;0m"}},
		{"Tip bar green", "> **Tip** n", []string{"\x1b[32m│ \x1b[0m\x1b[1;32mTip"}},
		{"Pitfall bar red", "> **Pitfall** n", []string{"\x1b[31m│ \x1b[0m\x1b[1;31mPitfall"}},
		{"Warning bar yellow", "> **Warning** n", []string{"\x1b[33m│ \x1b[0m\x1b[1;33mWarning"}},
		{"plain quote bar faint", "> q", []string{"\x1b[2m│ \x1b[22mq"}},
		{"transcript verbatim", "```lesson basics/x\n```", []string{"\x1b[36mserver\x1b[0m │ hi"}},
		{"unknown lesson red", "```lesson nope\n```", []string{"\x1b[1;31m!! unknown lesson nope\x1b[22;0m"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Render([]byte(tc.md), Options{Width: 40, Color: true, Lessons: fakeLessons})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("output %q lacks %q", got, w)
				}
			}
		})
	}
}

func TestRenderTranscriptPlainLosesEscapes(t *testing.T) {
	lessons := func(id string) (LessonView, bool) {
		return LessonView{ID: id, Transcript: "\x1b[31mred\x1b[0m and \x1b]8;;http://x\x07link\x1b]8;;\x07"}, true
	}
	got, err := Render([]byte("```lesson a/b\n```"), Options{Width: 30, Lessons: lessons})
	if err != nil {
		t.Fatal(err)
	}
	want := "┌─ a/b ───────────────────────\n│ red and link\n└─────────────────────────────\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRenderNilLessons(t *testing.T) {
	got, err := Render([]byte("```lesson basics/x\n```"), Options{Width: 40})
	if err != nil {
		t.Fatal(err)
	}
	if want := "!! unknown lesson basics/x\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRenderDefaultWidth(t *testing.T) {
	got, err := Render([]byte("---"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat("─", DefaultWidth) + "\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestVisibleWidth(t *testing.T) {
	cases := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"\x1b[1;31mred\x1b[0m", 3},
		{"\x1b]8;;http://go.dev\x07go\x1b]8;;\x07", 2},
		{"\x1b]8;;http://go.dev\x1b\\go\x1b]8;;\x1b\\", 2},
		{"粘包", 4},
		{"ｆｕｌｌ", 8},
		{"한국어", 6},
		{"かな", 4},
		{"e\u0301", 1},
		{"│─…", 3},
		{"😀", 2},
		{"a\tb", 2},
	}
	for _, tc := range cases {
		if got := VisibleWidth(tc.s); got != tc.want {
			t.Errorf("VisibleWidth(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"one two three", 7, []string{"one two", "three"}},
		{"one  two", 20, []string{"one two"}},
		{"first\nsecond line", 6, []string{"first", "second", "line"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"粘包粘包", 4, []string{"粘包", "粘包"}},
		{"", 10, nil},
		{"\x1b[31mred\x1b[0m words", 3, []string{"red", "wor", "ds"}},
	}
	for _, tc := range cases {
		got := Wrap(tc.text, tc.width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	cases := []struct {
		s     string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly", 7, "exactly"},
		{"too long", 5, "too …"},
		{"粘包粘包", 5, "粘包…"},
		{"abc", 0, ""},
	}
	for _, tc := range cases {
		if got := Truncate(tc.s, tc.width); got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
	}
}

func TestStripANSI(t *testing.T) {
	cases := map[string]string{
		"plain":                         "plain",
		"\x1b[1;31mred\x1b[0m":          "red",
		"a\x1b]8;;u\x07b\x1b]8;;\x07c":  "abc",
		"cut \x1b[3":                    "cut ",
		"\x1b[38;5;208morange\x1b[39m!": "orange!",
	}
	for in, want := range cases {
		if got := StripANSI(in); got != want {
			t.Errorf("StripANSI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGraphemeClusters checks that measuring, wrapping and truncating
// treat a grapheme cluster (an emoji sequence, a flag, a letter and its
// accent) as one character.
func TestGraphemeClusters(t *testing.T) {
	const family = "👨\u200d👩\u200d👧" // three emoji joined by ZWJ: one cluster
	widths := []struct {
		s    string
		want int
	}{
		{family, 2},
		{"🇯🇵", 2},
		{"⚠\ufe0f", 2}, // emoji presentation
		{"⚠", 1},
	}
	for _, tc := range widths {
		if got := VisibleWidth(tc.s); got != tc.want {
			t.Errorf("VisibleWidth(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
	wraps := []struct {
		text  string
		width int
		want  []string
	}{
		{family + family + family, 4, []string{family + family, family}},
		{"🇯🇵🇯🇵🇯🇵", 5, []string{"🇯🇵🇯🇵", "🇯🇵"}},
		{"e\u0301e\u0301e\u0301", 2, []string{"e\u0301e\u0301", "e\u0301"}},
	}
	for _, tc := range wraps {
		got := Wrap(tc.text, tc.width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
	if got, want := Truncate(family+family, 3), family+"…"; got != want {
		t.Errorf("Truncate(%q, 3) = %q, want %q", family+family, got, want)
	}
}
