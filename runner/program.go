// Package runner runs a server program and a client program side by side,
// each in a child process of its own, and collects what both do into one
// ordered stream of events: their output lines, their socket calls and how
// they ended. Learner programs are assumed to be broken in every way a
// program can be; each way ends in a Failure, never a hang or an orphan.
package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Program is one Go program to run: the files of one package main.
type Program struct {
	// Path names the program for messages: a file such as
	// "lessons/basics/echo/server/main.go" or "myserver.go".
	Path string
	// Files holds the source files by base name.
	Files map[string][]byte
	// Args are the program's arguments after -addr.
	Args []string
	// Engine, if set, runs this program on that engine whatever the
	// run's Spec says (the auto engine's retry of an interpreter crash).
	Engine Engine
}

// LoadProgram reads a program from a .go file, or from a folder holding
// the files of one package main.
func LoadProgram(path string) (Program, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Program{}, fmt.Errorf("load program: %w", err)
	}
	if !info.IsDir() {
		if !strings.HasSuffix(path, ".go") {
			return Program{}, fmt.Errorf("load program %s: not a .go file", path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return Program{}, fmt.Errorf("load program: %w", err)
		}
		return Program{Path: filepath.ToSlash(path), Files: map[string][]byte{filepath.Base(path): b}}, nil
	}
	names, err := filepath.Glob(filepath.Join(path, "*.go"))
	if err != nil {
		return Program{}, fmt.Errorf("load program %s: %w", path, err)
	}
	p := Program{Files: map[string][]byte{}}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return Program{}, fmt.Errorf("load program: %w", err)
		}
		p.Files[filepath.Base(name)] = b
	}
	if len(p.Files) == 0 {
		return Program{}, fmt.Errorf("load program %s: no .go files in the folder", path)
	}
	p.Path = filepath.ToSlash(filepath.Join(path, p.mainFile()))
	return p, nil
}

// mainFile is the file the interpreter starts from: main.go if there is
// one, else the first file by name.
func (p Program) mainFile() string {
	if _, ok := p.Files["main.go"]; ok {
		return "main.go"
	}
	names := make([]string, 0, len(p.Files))
	for n := range p.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return ""
	}
	return names[0]
}
