package main

import (
	"flag"

	"sockbook/content/i18n"
)

// langFlag is the --lang flag: it accepts only a language the workbook is
// written in, so a typo is a usage error in every command that takes it.
type langFlag struct{ lang i18n.Lang }

func (l *langFlag) String() string { return l.lang.String() }

func (l *langFlag) Set(name string) error {
	lang, err := i18n.Parse(name)
	if err != nil {
		return err
	}
	l.lang = lang
	return nil
}

// addLangFlag registers --lang on fs, with the language of env (from the
// locale) as default.
func addLangFlag(fs *flag.FlagSet, env *cliEnv) *langFlag {
	l := &langFlag{lang: env.lang}
	fs.Var(l, "lang", "the language of the workbook's text, `en|zh` (default from LC_ALL, LC_MESSAGES or LANG)")
	return l
}

// texts returns the command line's own words in the flag's language.
func (l *langFlag) texts() *texts { return textsFor(l.lang) }
