// Package lessons holds the workbook's runnable programs and the catalog
// that says which server and client make up each lesson, what the client is
// fed, and how the pair is run. Every program is a real package main under
// lessons/<chapter>/<lesson>/{server,client}/ that `go run` runs natively.
package lessons

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"sockbook/runner/relay"
)

// Lesson is one runnable server and client pair.
type Lesson struct {
	// ID is "<chapter>/<name>", the same string used on the command line
	// and in the chapter's ```lesson block.
	ID string
	// Title is a short sentence shown above the transcript.
	Title string
	// Fixes is the id of the lesson whose mistake this one puts right
	// ("sticky/sendall-wrong" for "sticky/sendall-right"): the chapters
	// show this lesson's code marked where it differs from that one's.
	Fixes string
	// Network is "tcp" (the default) or "udp": what the server listens on.
	Network string
	// Input is the client's scripted standard input.
	Input string
	// ServerArgs and ClientArgs are extra flags, after -addr.
	ServerArgs, ClientArgs []string
	// Faults is the relay plan the lesson runs with, so that its transcript
	// shows the same thing on every run (for example coalesced writes).
	Faults relay.Plan
	// Wire shows the socket events in the transcript by default.
	Wire bool
	// ServerExitsWithError marks lessons whose server is meant to fail
	// (a "wrong" lesson showing a classic mistake); the test expects it.
	ServerExitsWithError bool
}

// ServerDir is the lesson's server program folder inside Files.
func (l Lesson) ServerDir() string { return l.ID + "/server" }

// ClientDir is the lesson's client program folder inside Files.
func (l Lesson) ClientDir() string { return l.ID + "/client" }

// Files holds the source of every lesson program, keyed by path relative to
// the lessons folder ("basics/echo/server/main.go").
//
//go:embed */*/*/*.go
var Files embed.FS

// All returns every lesson, chapter by chapter, in reading order.
func All() []Lesson {
	var all []Lesson
	for _, ch := range [][]Lesson{basics, loops, reuse, udp, sticky, headers, concurrency, projects} {
		all = append(all, ch...)
	}
	return all
}

// ByChapter returns the lessons of one chapter, in order.
func ByChapter(chapter string) []Lesson {
	var out []Lesson
	for _, l := range All() {
		if l.Chapter() == chapter {
			out = append(out, l)
		}
	}
	return out
}

// Chapter returns the chapter part of the lesson's ID.
func (l Lesson) Chapter() string {
	chapter, _, _ := strings.Cut(l.ID, "/")
	return chapter
}

// Find returns the lesson with the given ID.
func Find(id string) (Lesson, error) {
	for _, l := range All() {
		if l.ID == id {
			return l, nil
		}
	}
	if like := similar(id); len(like) > 0 {
		return Lesson{}, fmt.Errorf("no lesson %q; did you mean %s? (sockbook list shows them all)", id, strings.Join(like, " or "))
	}
	return Lesson{}, fmt.Errorf("no lesson %q (sockbook list shows them all)", id)
}

// Source returns the files of one program folder ("basics/echo/server"),
// keyed by file name.
func Source(dir string) (map[string][]byte, error) {
	entries, err := fs.ReadDir(Files, dir)
	if err != nil {
		return nil, fmt.Errorf("lesson program %s: %w", dir, err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(Files, dir+"/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("lesson program %s: %w", dir, err)
		}
		files[e.Name()] = b
	}
	return files, nil
}

// similar returns the ids of lessons with the same name as id's last part,
// or in a chapter whose name starts like id's first part.
func similar(id string) []string {
	chapter, name, _ := strings.Cut(id, "/")
	var out []string
	for _, l := range All() {
		c, n, _ := strings.Cut(l.ID, "/")
		if name != "" && n == name || name != "" && chapter != "" && strings.HasPrefix(c, chapter) && strings.HasPrefix(n, name) {
			out = append(out, l.ID)
		}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}
