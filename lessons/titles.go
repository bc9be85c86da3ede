package lessons

import "sockbook/content/i18n"

// translation is a text in another language, with the English text it
// translates: when the English changes, a test asks for a new
// translation instead of showing a stale one.
type translation struct {
	en, text string
}

// TitleIn returns the lesson's title in lang: the translation when it has
// one that is up to date with Title, else Title.
func (l Lesson) TitleIn(lang i18n.Lang) string {
	if lang == i18n.ZH {
		if tr, ok := titlesZH[l.ID]; ok && tr.en == l.Title {
			return tr.text
		}
	}
	return l.Title
}
