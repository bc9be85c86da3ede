package solutions

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"sockbook/content/i18n"
	"sockbook/runner/check"
)

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// TestChineseHints: every exercise has as many Chinese hints as English
// ones, each in Chinese.
func TestChineseHints(t *testing.T) {
	for _, ex := range check.All() {
		en, err := Hints(ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fs.Stat(files, ex.ID+"/"+hintsFile(i18n.ZH)); err != nil {
			t.Errorf("exercise %s has no solutions/%s/hints.zh.md", ex.ID, ex.ID)
			continue
		}
		zh, err := HintsIn(i18n.ZH, ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(zh) != len(en) {
			t.Errorf("exercise %s: %d Chinese hints for %d English ones", ex.ID, len(zh), len(en))
		}
		for i, h := range zh {
			if !hasHan(h) {
				t.Errorf("exercise %s: Chinese hint %d has no Chinese: %q", ex.ID, i+1, h)
			}
		}
	}
}

// TestChineseCheckTexts: every exercise has a Chinese title and every
// scenario a Chinese description, each translating the English the
// checker has now; and the file names no exercise or scenario that does
// not exist.
func TestChineseCheckTexts(t *testing.T) {
	zh, err := Checks(i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]map[string]bool{}
	for _, ex := range check.All() {
		known[ex.ID] = map[string]bool{}
		texts, ok := zh.exercises[ex.ID]
		switch {
		case !ok:
			t.Errorf("solutions/checks.zh.json has no exercise %s", ex.ID)
			continue
		case texts.title.en != ex.Title:
			t.Errorf("%s: the English title is now %q; the Chinese title translates %q", ex.ID, ex.Title, texts.title.en)
		case !hasHan(zh.Title(ex.ID, ex.Title)):
			t.Errorf("%s: the Chinese title %q has no Chinese", ex.ID, zh.Title(ex.ID, ex.Title))
		}
		for _, sc := range ex.Scenarios {
			known[ex.ID][sc.Name] = true
			p, ok := texts.scenarios[sc.Name]
			switch {
			case !ok:
				t.Errorf("solutions/checks.zh.json has no description of %s/%s (%q)", ex.ID, sc.Name, sc.Doc)
			case p.en != sc.Doc:
				t.Errorf("%s/%s: the English description is now %q; the Chinese one translates %q: translate it again", ex.ID, sc.Name, sc.Doc, p.en)
			case !hasHan(zh.Scenario(ex.ID, sc.Name, sc.Doc)):
				t.Errorf("%s/%s: the Chinese description %q has no Chinese", ex.ID, sc.Name, p.text)
			}
		}
	}
	for id, texts := range zh.exercises {
		if known[id] == nil {
			t.Errorf("solutions/checks.zh.json describes %s, which is no exercise", id)
			continue
		}
		for name := range texts.scenarios {
			if !known[id][name] {
				t.Errorf("solutions/checks.zh.json describes %s/%s, which is no scenario", id, name)
			}
		}
	}
}

// TestCheckTextsFallBack: English needs no texts, and a text whose
// English has changed since it was translated is not used.
func TestCheckTextsFallBack(t *testing.T) {
	en, err := Checks(i18n.EN)
	if err != nil || en != nil {
		t.Fatalf("Checks(EN) = %v, %v; want nil, nil", en, err)
	}
	if got := en.Scenario("line-frames", "few-lines", "X"); got != "X" {
		t.Errorf("English Scenario = %q, want the text given", got)
	}
	zh, err := Checks(i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ got, want string }{
		{zh.Title("line-frames", "Lines, retitled"), "Lines, retitled"},
		{zh.Title("no-such-exercise", "T"), "T"},
		{zh.Scenario("line-frames", "few-lines", "A changed description."), "A changed description."},
		{zh.Scenario("line-frames", "no-such-scenario", "D."), "D."},
		{zh.Message("a message no template knows"), "a message no template knows"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestMessages translates failure explanations as the checkers compose
// them, phrases within phrases, data kept as it is; a message with a
// phrase the table lacks stays English whole.
func TestMessages(t *testing.T) {
	zh, err := Checks(i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ en, want string }{
		{`the answer to the line "hello": wrong reply`, `对 "hello" 这一行的回答：回复不对`},
		{`the answer to the line of 65536 bytes: no reply`, `对 65536 字节那一行的回答：没有回复`},
		{`the answers to 200 lines sent in one write: wrong reply, first difference at byte 17`, `对一次写入的 200 行的回答：回复不对，从第 17 字节开始不同`},
		{`the server kept the connection open to a line of 65537 bytes`, `服务端在收到 65537 字节的一行之后仍然保持连接`},
		{`"1\n", then the connection reset by the server`, `"1\n"，然后服务端重置了连接`},
		{`"1\n", then read tcp 127.0.0.1:1->127.0.0.1:2: i/o timeout`, `"1\n", then read tcp 127.0.0.1:1->127.0.0.1:2: i/o timeout`},
		{`exit status 2`, `退出状态 2`},
		{`nothing`, `什么也没有`},
		{`no close within 2s`, `2s 内没有关闭`},
		{`the program failed: panic: boom`, `程序出错：panic: boom`},
		{`an unknown phrase: wrong reply`, `an unknown phrase: wrong reply`},
	}
	for _, tc := range cases {
		if got := zh.Message(tc.en); got != tc.want {
			t.Errorf("Message(%q)\n = %q\nwant %q", tc.en, got, tc.want)
		}
	}
}

func TestParseTemplate(t *testing.T) {
	for _, bad := range []pair{
		{"<what>", "<what>"},         // nothing of its own: it would match anything
		{"{a} {b}", "{a} {b}"},       // the same, with a space
		{"x {a}", "x {b}"},           // different placeholders
		{"x {a} {a}", "x {a}"},       // a placeholder twice
		{"x <what> y", "x {what} y"}, // a phrase turned into data
	} {
		if _, err := parseTemplate(bad); err == nil {
			t.Errorf("parseTemplate(%q, %q) should fail", bad.en, bad.text)
		}
	}
	if _, err := parseTemplate(pair{"exit status {code}", "退出状态 {code}"}); err != nil {
		t.Errorf("parseTemplate: %v", err)
	}
}

// codeSpan matches a Markdown code span, of double backticks (which may
// hold single ones) or single.
var codeSpan = regexp.MustCompile("(?s)``.+?``|`[^`]+`")

// TestChineseHintsKeepTheCode: each Chinese hint names the same code as
// its English one (its code spans, in any order): code is not
// translated, so a hint whose English gained or lost some code has a
// translation to bring up to date.
func TestChineseHintsKeepTheCode(t *testing.T) {
	for _, ex := range check.All() {
		en, err := Hints(ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		zh, err := HintsIn(i18n.ZH, ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range min(len(en), len(zh)) {
			a, b := spans(en[i]), spans(zh[i])
			if !slices.Equal(a, b) {
				t.Errorf("%s hint %d: the English names %q, the Chinese %q", ex.ID, i+1, a, b)
			}
		}
	}
}

// spans returns the distinct code spans of s, sorted.
func spans(s string) []string {
	out := codeSpan.FindAllString(s, -1)
	slices.Sort(out)
	return slices.Compact(out)
}
