package lessons

import (
	"strings"
	"testing"
	"unicode"

	"sockbook/content/i18n"
)

// TestChineseTitles: every lesson has a Chinese title, translated from
// its English title as it is now, and every Chinese title belongs to a
// lesson.
func TestChineseTitles(t *testing.T) {
	ids := map[string]bool{}
	for _, l := range All() {
		ids[l.ID] = true
		tr, ok := titlesZH[l.ID]
		switch {
		case !ok:
			t.Errorf("lesson %s has no Chinese title: add it to lessons/titles_zh.go", l.ID)
		case tr.en != l.Title:
			t.Errorf("lesson %s: its English title is now %q; the Chinese title %q translates %q: translate it again in lessons/titles_zh.go", l.ID, l.Title, tr.text, tr.en)
		case !strings.ContainsFunc(tr.text, func(r rune) bool { return unicode.Is(unicode.Han, r) }):
			t.Errorf("lesson %s: the Chinese title %q has no Chinese", l.ID, tr.text)
		case l.TitleIn(i18n.ZH) != tr.text || l.TitleIn(i18n.EN) != l.Title:
			t.Errorf("lesson %s: TitleIn gives %q and %q", l.ID, l.TitleIn(i18n.ZH), l.TitleIn(i18n.EN))
		}
	}
	for id := range titlesZH {
		if !ids[id] {
			t.Errorf("lessons/titles_zh.go has a title for %s, which is no lesson", id)
		}
	}
}

// TestStaleTitleFallsBack: a Chinese title that translates an older
// English title is not shown; the English one is.
func TestStaleTitleFallsBack(t *testing.T) {
	l := All()[0]
	l.Title = "A title changed since it was translated"
	if got := l.TitleIn(i18n.ZH); got != l.Title {
		t.Errorf("TitleIn(ZH) = %q, want the new English title", got)
	}
}
