// Package solutions holds each exercise's reference solution
// (solutions/<id>/main.go), its starter (solutions/<id>/starter/main.go) and
// its hints (solutions/<id>/hints.md, hints separated by lines of "---").
// Every one of those programs is a real package main.
//
// It also holds the exercises' texts in other languages: the hints in
// Chinese (solutions/<id>/hints.zh.md, as many as in English), and what
// `sockbook check` says in Chinese (solutions/checks.zh.json, see
// CheckTexts). Programs stay single-source.
package solutions

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"sockbook/content/i18n"
)

//go:embed *
var files embed.FS

// Reference returns the source of an exercise's reference solution.
func Reference(id string) ([]byte, error) { return read(id, "main.go") }

// Starter returns the source of an exercise's starter program.
func Starter(id string) ([]byte, error) { return read(id, "starter/main.go") }

// Hints returns an exercise's hints in English, in the order they are
// given.
func Hints(id string) ([]string, error) { return HintsIn(i18n.EN, id) }

// HintsIn returns an exercise's hints in lang, in the order they are
// given: solutions/<id>/hints.<lang>.md, or the English hints when that
// file does not exist.
func HintsIn(lang i18n.Lang, id string) ([]string, error) {
	b, err := read(id, hintsFile(lang))
	if lang != i18n.EN && errors.Is(err, fs.ErrNotExist) {
		b, err = read(id, hintsFile(i18n.EN))
	}
	if err != nil {
		return nil, err
	}
	var hints []string
	for _, part := range strings.Split(string(b), "\n---\n") {
		if h := strings.TrimSpace(part); h != "" {
			hints = append(hints, h)
		}
	}
	return hints, nil
}

// hintsFile is the name of an exercise's hints file in lang.
func hintsFile(lang i18n.Lang) string {
	if lang == i18n.EN {
		return "hints.md"
	}
	return "hints." + lang.String() + ".md"
}

func read(id, name string) ([]byte, error) {
	b, err := fs.ReadFile(files, id+"/"+name)
	if err != nil {
		return nil, fmt.Errorf("exercise %s: %s: %w", id, name, err)
	}
	return b, nil
}
