package linediff

import (
	"slices"
	"strings"
	"testing"
)

// marks spells a Marks slice one letter a line: '.' same, '+' added,
// '~' changed.
func marks(s string) []Mark {
	out := []Mark{}
	for _, c := range s {
		switch c {
		case '.':
			out = append(out, Same)
		case '+':
			out = append(out, Added)
		case '~':
			out = append(out, Changed)
		}
	}
	return out
}

func TestCompare(t *testing.T) {
	cases := []struct {
		name         string
		older, newer string
		want         string // one mark a line of newer, as marks reads it
		removed      int
	}{
		{"the same text", "a\nb\nc\n", "a\nb\nc\n", "...", 0},
		{"both empty", "", "", "", 0},
		{"all new", "", "a\nb\n", "++", 0},
		{"all gone", "a\nb\n", "", "", 2},
		{"a line added in the middle", "a\nc\n", "a\nb\nc\n", ".+.", 0},
		{"a line added at the start", "b\nc\n", "a\nb\nc\n", "+..", 0},
		{"a line added at the end", "a\nb\n", "a\nb\nc\n", "..+", 0},
		{"a line changed", "a\nb\nc\n", "a\nB\nc\n", ".~.", 0},
		{"a line removed", "a\nb\nc\n", "a\nc\n", "..", 1},
		{"two lines become three", "a\nb\nc\nd\n", "a\nx\ny\nz\nd\n", ".~~+.", 0},
		{"three lines become one", "a\nb\nc\nd\ne\n", "a\nx\ne\n", ".~.", 2},
		{"an added and a removed line apart", "a\nb\nc\nd\n", "a\nx\nb\nd\n", ".+..", 1},
		{"a change and an addition in one file", "x\na\nb\n", "y\na\nb\nc\n", "~..+", 0},
		{"a moved line is gone and new", "a\nb\nc\n", "b\nc\na\n", "..+", 1},
		{"a repeated line: one of them is new", "}\n}\n", "}\nx\n}\n}\n", ".++.", 0},
		{"no final newline is the same text", "a\nb", "a\nb\n", "..", 0},
		{"an empty line is a line", "a\n\nb\n", "a\nb\n", "..", 1},
		{"whitespace counts", "\tx := 1\n", "\tx  := 1\n", "~", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Compare(tc.older, tc.newer)
			if want := marks(tc.want); !slices.Equal(got.Marks, want) {
				t.Errorf("Compare(%q, %q).Marks = %v, want %v", tc.older, tc.newer, got.Marks, want)
			}
			if got.Removed != tc.removed {
				t.Errorf("Compare(%q, %q).Removed = %d, want %d", tc.older, tc.newer, got.Removed, tc.removed)
			}
			if eq := !strings.ContainsAny(tc.want, "+~") && tc.removed == 0; got.Equal() != eq {
				t.Errorf("Compare(%q, %q).Equal() = %v, want %v", tc.older, tc.newer, got.Equal(), eq)
			}
		})
	}
}

// TestCompareKeepsALongestCommonSubsequence checks on small texts that
// the lines marked Same are as many as can be, by comparing with a
// brute-force count over every subsequence.
func TestCompareKeepsALongestCommonSubsequence(t *testing.T) {
	texts := []string{"", "a", "ab", "ba", "abc", "acb", "aab", "abab", "baba", "cabbage", "abcabc", "xyz"}
	for _, x := range texts {
		for _, y := range texts {
			older, newer := perLine(x), perLine(y)
			res := Compare(older, newer)
			same := 0
			for _, m := range res.Marks {
				if m == Same {
					same++
				}
			}
			if want := bruteLCS(x, y); same != want {
				t.Errorf("Compare(%q, %q) keeps %d lines, want %d", x, y, same, want)
			}
			// Every old line is kept, changed or removed; every new one
			// is kept, changed or added.
			added, changed := res.Counts()
			if same+changed+res.Removed != len(x) || same+changed+added != len(y) {
				t.Errorf("Compare(%q, %q): %d same, %d changed, %d added, %d removed, for %d and %d lines",
					x, y, same, changed, added, res.Removed, len(x), len(y))
			}
		}
	}
}

// perLine puts each letter of s on a line of its own.
func perLine(s string) string {
	var b strings.Builder
	for _, c := range s {
		b.WriteRune(c)
		b.WriteByte('\n')
	}
	return b.String()
}

// bruteLCS is the length of a longest common subsequence of a and b,
// found by trying every subsequence of a.
func bruteLCS(a, b string) int {
	best := 0
	for set := 0; set < 1<<len(a); set++ {
		var sub []byte
		for i := range len(a) {
			if set&(1<<i) != 0 {
				sub = append(sub, a[i])
			}
		}
		if isSubsequence(sub, b) {
			best = max(best, len(sub))
		}
	}
	return best
}

func isSubsequence(sub []byte, s string) bool {
	i := 0
	for j := 0; i < len(sub) && j < len(s); j++ {
		if sub[i] == s[j] {
			i++
		}
	}
	return i == len(sub)
}

// TestCompareLargeTexts: texts too large to compare line by line are
// marked changed where they differ, and their shared ends stay the same.
func TestCompareLargeTexts(t *testing.T) {
	var older, newer strings.Builder
	older.WriteString("head\n")
	newer.WriteString("head\n")
	for i := range 3000 {
		older.WriteString("old " + strings.Repeat("x", i%7) + "\n")
		newer.WriteString("new " + strings.Repeat("y", i%5) + "\n")
	}
	older.WriteString("tail\n")
	newer.WriteString("tail\n")
	res := Compare(older.String(), newer.String())
	if len(res.Marks) != 3002 || res.Marks[0] != Same || res.Marks[3001] != Same {
		t.Fatalf("%d marks, first %v, last %v", len(res.Marks), res.Marks[0], res.Marks[len(res.Marks)-1])
	}
	if added, changed := res.Counts(); added != 0 || changed != 3000 || res.Removed != 0 {
		t.Errorf("added %d, changed %d, removed %d; want 0, 3000, 0", added, changed, res.Removed)
	}
}

func TestLines(t *testing.T) {
	cases := map[string][]string{
		"":         nil,
		"\n":       {""},
		"a":        {"a"},
		"a\n":      {"a"},
		"a\n\n":    {"a", ""},
		"a\nb":     {"a", "b"},
		"\na\nb\n": {"", "a", "b"},
	}
	for in, want := range cases {
		if got := Lines(in); !slices.Equal(got, want) {
			t.Errorf("Lines(%q) = %q, want %q", in, got, want)
		}
	}
}
