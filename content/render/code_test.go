package render

import (
	"slices"
	"strings"
	"testing"
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
