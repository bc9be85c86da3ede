// Package i18n names the languages the workbook is written in and chooses
// one from a flag or the locale. English is the source language; every
// other text (content/zh, lessons' Chinese titles, solutions' Chinese
// hints and check texts) is a translation of it and falls back to it.
//
// It is a leaf package so that every package holding workbook text can
// take a Lang: content and its renderers, lessons, solutions and the
// command line.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language of the workbook. The zero value is English.
type Lang int

// The workbook's languages.
const (
	EN Lang = iota // English, the source language
	ZH             // Simplified Chinese
)

// All returns every language, the source language first.
func All() []Lang { return []Lang{EN, ZH} }

// String returns the language's short name as the --lang flag takes it:
// "en" or "zh".
func (l Lang) String() string {
	if l == ZH {
		return "zh"
	}
	return "en"
}

// Tag returns the language's BCP 47 tag, for HTML's lang attribute:
// "en" or "zh-CN".
func (l Lang) Tag() string {
	if l == ZH {
		return "zh-CN"
	}
	return "en"
}

// Parse returns the language named name: "en" or "zh" (the names String
// returns), in any case.
func Parse(name string) (Lang, error) {
	for _, l := range All() {
		if strings.EqualFold(name, l.String()) {
			return l, nil
		}
	}
	return EN, fmt.Errorf("unknown language %q (want en or zh)", name)
}

// FromLocale returns the language the locale asks for. As POSIX does for
// messages, the first of LC_ALL, LC_MESSAGES and LANG that is set decides;
// a locale whose name starts with "zh" (zh_CN.UTF-8, zh_TW, zh) is Chinese
// and any other, or none, English. getenv is os.Getenv outside tests.
func FromLocale(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "zh") {
			return ZH
		}
		return EN
	}
	return EN
}
