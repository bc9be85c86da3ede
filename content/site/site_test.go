package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"sockbook/content"
	"sockbook/content/linediff"
	"sockbook/content/render"
	"sockbook/content/site"
)

// fakeTranscript is laid out as the runner's interleaved transcript is:
// a side and a bar on each line, spaces and the bar on a wrapped event's
// further lines.
const fakeTranscript = "server │ ● listen 127.0.0.1:8080\n" +
	"client │ → write #1 24 bytes \"a message long enough to\n" +
	"       │ wrap\"\n" +
	"server │ listening <on> & ready\n" +
	"runner │ ✘ client: exit status 1\n" +
	"net    │ ≈ delay 10ms\n" +
	"a line without a bar\n"

// fakeClient and fakeWrongClient are the client of every fake lesson
// and of the lesson it fixes.
const (
	fakeClient      = "package main\n\n// main dials.\nfunc main() { println(\"hi\") }\n"
	fakeWrongClient = "package main\n\nfunc main() { println(\"hello\") }\n"
)

// fakeLessons shows every lesson with the same two programs, the client
// marked against that of a lesson it fixes, and a recorded transcript.
func fakeLessons(id string) (render.LessonView, bool) {
	return render.LessonView{
		ID: id, Title: "Title of " + id, Command: "sockbook run " + id,
		Files: []render.CodeFile{
			{Label: "server", Path: "lessons/" + id + "/server/main.go", Source: []byte("package main\n\nfunc main() { _ = 1 < 2 }\n")},
			{Label: "client", Path: "lessons/" + id + "/client/main.go", Source: []byte(fakeClient),
				Diff: &render.FileDiff{Against: "basics/x-wrong", Result: linediff.Compare(fakeWrongClient, fakeClient)}},
		},
		Transcript: fakeTranscript,
		Recorded:   true,
	}, true
}

// TestExportLinksResolve exports every chapter, parses every page and
// checks that every link and stylesheet inside the site exists, that
// nothing is fetched from the network, and that there is no script.
func TestExportLinksResolve(t *testing.T) {
	dir := t.TempDir()
	chapters := content.Chapters()
	if err := site.Export(dir, chapters, fakeLessons); err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(chapters)+1 {
		t.Fatalf("want %d pages (chapters and index), got %d", len(chapters)+1, len(pages))
	}
	for _, page := range pages {
		f, err := os.Open(page)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if n.Data == "script" {
				t.Errorf("%s: has a script", filepath.Base(page))
			}
			for _, a := range n.Attr {
				if (a.Key != "href" && a.Key != "src") || a.Val == "" {
					continue
				}
				target, _, _ := strings.Cut(a.Val, "#")
				switch {
				case strings.Contains(a.Val, "://") && n.Data != "a":
					t.Errorf("%s: fetches %s from the network", filepath.Base(page), a.Val)
				case strings.Contains(a.Val, "://"), strings.HasPrefix(a.Val, "mailto:"):
					// an outside link the reader may follow; nothing is fetched
				case target == "":
				default:
					if _, err := os.Stat(filepath.Join(dir, target)); err != nil {
						t.Errorf("%s: link %q does not resolve", filepath.Base(page), a.Val)
					}
				}
			}
		}
	}
	basics, err := os.ReadFile(filepath.Join(dir, "basics.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<section class="lesson" id="basics-echo">`, "Title of basics/echo", "listening &lt;on&gt; &amp; ready", `<span class="num">1</span> &lt; <span class="num">2</span>`, "<table>"} {
		if !strings.Contains(string(basics), want) {
			t.Errorf("basics.html lacks %q", want)
		}
	}
}

// TestExportLessonBlocks checks that the site reads lesson blocks as the
// terminal renderer does (content.ParseFence): a well-formed block shows
// its lesson, and a block naming no lesson or several is reported rather
// than shown as code.
func TestExportLessonBlocks(t *testing.T) {
	dir := t.TempDir()
	md := "# Blocks\n\n" +
		"```lesson basics/echo\n```\n\n" +
		"```lesson\n```\n\n" +
		"```lesson basics/echo basics/hello\n```\n\n" +
		"```Lesson basics/echo\nshown as code\n```\n"
	ch := content.Chapter{ID: "blocks", Title: "Blocks", Markdown: []byte(md)}
	if err := site.Export(dir, []content.Chapter{ch}, fakeLessons); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "blocks.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<section class="lesson" id="basics-echo">`,
		"<strong>lesson block names no lesson</strong>",
		"<strong>lesson block names more than one lesson: basics/echo basics/hello</strong>",
		"shown as code",
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("blocks.html lacks %q", want)
		}
	}
	if n := strings.Count(string(page), `<section class="lesson"`); n != 1 {
		t.Errorf("blocks.html has %d lesson sections, want 1", n)
	}
}

// TestExportJoinsChineseLines checks that the site reads a line break
// between two Chinese lines as the terminal does (content.JoinsLines):
// no space, while Latin lines keep theirs.
func TestExportJoinsChineseLines(t *testing.T) {
	dir := t.TempDir()
	ch := content.Chapter{ID: "zh", Title: "中文", Markdown: []byte("# 中文\n\n第一行，\n第二行\nand English\nwords\n")}
	if err := site.Export(dir, []content.Chapter{ch}, fakeLessons); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "zh.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>第一行，第二行\nand English\nwords</p>"; !strings.Contains(string(page), want) {
		t.Errorf("zh.html lacks %q:\n%s", want, page)
	}
}
