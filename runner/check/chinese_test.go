package check

import (
	"regexp"
	"sync"
	"testing"

	"sockbook/content/i18n"
	"sockbook/solutions"
)

// chineseTexts is the table that translates the checkers' explanations.
var chineseTexts = sync.OnceValues(func() (*solutions.CheckTexts, error) { return solutions.Checks(i18n.ZH) })

// prose matches an explanation in words, as opposed to data (a quoted
// reply, bytes, a number): a lower-case word, then more.
var prose = regexp.MustCompile(`^[a-z]+[ ,:;]`)

// explainedInChinese fails t when f, a flawed program's failure, would be
// shown in English to a reader of the Chinese edition: its What, and its
// Expected and Got where they are words rather than data.
func explainedInChinese(t *testing.T, ex, scenario string, f *Failure) {
	t.Helper()
	zh, err := chineseTexts()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{f.What, f.Expected, f.Got} {
		if (s == f.What || prose.MatchString(s)) && s != "" && zh.Message(s) == s {
			t.Errorf("%s/%s: no Chinese for %q (solutions/checks.zh.json)", ex, scenario, s)
		}
	}
}
