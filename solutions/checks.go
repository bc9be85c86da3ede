package solutions

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"sockbook/content/i18n"
)

// CheckTexts is what `sockbook check` and `sockbook list` say about the
// exercises in one language other than English: exercise titles, scenario
// descriptions and the phrases of failure explanations. They live in
// solutions/checks.<lang>.json, so that the checkers (runner/check) stay
// single-source: each text there is stored with the English it
// translates, and a translation whose English has changed since is not
// used.
//
// Every method takes the English text and returns its translation, or the
// English text when there is none up to date. A nil *CheckTexts, which
// Checks returns for English, translates nothing.
type CheckTexts struct {
	lang      i18n.Lang
	exercises map[string]exerciseTexts
	messages  []messageTemplate
}

// exerciseTexts is one exercise's title and scenario descriptions,
// scenarios keyed by name.
type exerciseTexts struct {
	title     pair
	scenarios map[string]pair
}

// pair is an English text and its translation.
type pair struct{ en, text string }

// checksFile is the layout of solutions/checks.<lang>.json. A text is an
// object holding the English ("en") and the translation (under the
// language's name, "zh"); a message's English may hold placeholders (see
// CheckTexts.Message).
type checksFile struct {
	Exercises map[string]struct {
		Title     map[string]string            `json:"title"`
		Scenarios map[string]map[string]string `json:"scenarios"`
	} `json:"exercises"`
	Messages []map[string]string `json:"messages"`
}

// Checks returns the check texts for lang: nil for English, the contents
// of solutions/checks.<lang>.json for another language.
func Checks(lang i18n.Lang) (*CheckTexts, error) {
	if lang == i18n.EN {
		return nil, nil
	}
	name := "checks." + lang.String() + ".json"
	b, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, fmt.Errorf("check texts: %w", err)
	}
	var f checksFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("check texts: solutions/%s: %w", name, err)
	}
	c := &CheckTexts{lang: lang, exercises: map[string]exerciseTexts{}}
	get := func(m map[string]string, where string) (pair, error) {
		p := pair{en: m["en"], text: m[lang.String()]}
		if p.en == "" || p.text == "" {
			return p, fmt.Errorf("check texts: solutions/%s: %s needs \"en\" and %q", name, where, lang.String())
		}
		return p, nil
	}
	for id, ex := range f.Exercises {
		t := exerciseTexts{scenarios: map[string]pair{}}
		if t.title, err = get(ex.Title, id+" title"); err != nil {
			return nil, err
		}
		for sc, m := range ex.Scenarios {
			if t.scenarios[sc], err = get(m, id+"/"+sc); err != nil {
				return nil, err
			}
		}
		c.exercises[id] = t
	}
	for i, m := range f.Messages {
		p, err := get(m, fmt.Sprintf("message %d", i+1))
		if err != nil {
			return nil, err
		}
		tmpl, err := parseTemplate(p)
		if err != nil {
			return nil, fmt.Errorf("check texts: solutions/%s: message %d: %w", name, i+1, err)
		}
		c.messages = append(c.messages, tmpl)
	}
	return c, nil
}

// Lang returns the language c translates into (English for nil).
func (c *CheckTexts) Lang() i18n.Lang {
	if c == nil {
		return i18n.EN
	}
	return c.lang
}

// Title returns the title of exercise id, given in English.
func (c *CheckTexts) Title(id, english string) string {
	if c == nil {
		return english
	}
	return c.exercises[id].title.translate(english)
}

// Scenario returns the description of scenario name of exercise id,
// given in English.
func (c *CheckTexts) Scenario(id, name, english string) string {
	if c == nil {
		return english
	}
	return c.exercises[id].scenarios[name].translate(english)
}

func (p pair) translate(english string) string {
	if p.en == english && p.text != "" {
		return p.text
	}
	return english
}

// Message translates one of the checkers' explanations of a failure (a
// scenario result's What, Expected or Got), which the checkers compose
// from phrases and data. A message's English is a template: {name} stands
// for data, copied as it is (a quoted reply, a number, an address), and
// <name> for a phrase, translated in turn by the same table. The first
// template that matches the whole text is used; when none does, or when a
// <phrase> has no translation, the English text is returned whole, so
// that a reader never sees half a sentence in each language.
func (c *CheckTexts) Message(english string) string {
	if c == nil {
		return english
	}
	if s, ok := c.message(english); ok {
		return s
	}
	return english
}

func (c *CheckTexts) message(english string) (string, bool) {
	for _, t := range c.messages {
		m := t.re.FindStringSubmatch(english)
		if m == nil {
			continue
		}
		values := map[string]string{}
		ok := true
		for i, slot := range t.slots {
			v := m[i+1]
			if slot.phrase {
				v, ok = c.message(v) // shorter than english: the template has words of its own
				if !ok {
					break
				}
			}
			values[slot.name] = v
		}
		if !ok {
			continue
		}
		return slotRE.ReplaceAllStringFunc(t.text, func(s string) string { return values[s[1:len(s)-1]] }), true
	}
	return "", false
}

// messageTemplate is a message with placeholders, compiled.
type messageTemplate struct {
	re    *regexp.Regexp // matches the English, one group per slot
	slots []slot
	text  string // the translation, with the same placeholders
}

// slot is a placeholder: its name, and whether it is a phrase to translate.
type slot struct {
	name   string
	phrase bool
}

// slotRE matches a placeholder: {data} or <phrase>.
var slotRE = regexp.MustCompile(`\{[a-z]+\}|<[a-z]+>`)

// parseTemplate compiles a message template. Its English must have words
// of its own besides placeholders, and its translation the same
// placeholders.
func parseTemplate(p pair) (messageTemplate, error) {
	t := messageTemplate{text: p.text}
	var re strings.Builder
	re.WriteString("^")
	last := 0
	for _, loc := range slotRE.FindAllStringIndex(p.en, -1) {
		re.WriteString(regexp.QuoteMeta(p.en[last:loc[0]]))
		re.WriteString("(.+?)")
		s := p.en[loc[0]:loc[1]]
		t.slots = append(t.slots, slot{name: s[1 : len(s)-1], phrase: s[0] == '<'})
		last = loc[1]
	}
	re.WriteString(regexp.QuoteMeta(p.en[last:]) + "$")
	if strings.TrimSpace(slotRE.ReplaceAllString(p.en, "")) == "" {
		return t, fmt.Errorf("%q is only placeholders", p.en)
	}
	en, tr := slotRE.FindAllString(p.en, -1), slotRE.FindAllString(p.text, -1)
	if !sameSet(en, tr) {
		return t, fmt.Errorf("%q and %q do not have the same placeholders", p.en, p.text)
	}
	var err error
	t.re, err = regexp.Compile(re.String())
	return t, err
}

// sameSet reports whether a and b hold the same strings, each once.
func sameSet(a, b []string) bool {
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return len(a) == len(seen)
}
