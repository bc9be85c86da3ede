// Package solutions holds each exercise's reference solution
// (solutions/<id>/main.go), its starter (solutions/<id>/starter/main.go) and
// its hints (solutions/<id>/hints.md, hints separated by lines of "---").
// Every one of those programs is a real package main.
package solutions

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed *
var files embed.FS

// Reference returns the source of an exercise's reference solution.
func Reference(id string) ([]byte, error) { return read(id, "main.go") }

// Starter returns the source of an exercise's starter program.
func Starter(id string) ([]byte, error) { return read(id, "starter/main.go") }

// Hints returns an exercise's hints, in the order they are given.
func Hints(id string) ([]string, error) {
	b, err := read(id, "hints.md")
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

func read(id, name string) ([]byte, error) {
	b, err := fs.ReadFile(files, id+"/"+name)
	if err != nil {
		return nil, fmt.Errorf("exercise %s: %s: %w", id, name, err)
	}
	return b, nil
}
