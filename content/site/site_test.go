package site_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"sockbook/content"
	"sockbook/content/i18n"
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

// editions is the whole workbook, every language, with fake lessons.
func editions() []site.Edition {
	var out []site.Edition
	for _, lang := range i18n.All() {
		out = append(out, site.Edition{Lang: lang, Pages: content.PagesIn(lang), Lessons: fakeLessons})
	}
	return out
}

// one is a site of one English page.
func one(ch content.Chapter) []site.Edition {
	return []site.Edition{{Lang: i18n.EN, Pages: []content.Chapter{ch}, Lessons: fakeLessons}}
}

// TestExportLinksResolve exports every edition, parses every page and
// checks that every link and stylesheet inside the site exists, that
// nothing is fetched from the network, and that there is no script; that
// both languages are there, each page with its lang and a link to its
// twin, each index listing its edition's pages.
func TestExportLinksResolve(t *testing.T) {
	dir := t.TempDir()
	if err := site.Export(dir, editions()); err != nil {
		t.Fatal(err)
	}
	for _, lang := range i18n.All() {
		folder, twinFolder, twin := "", "zh", i18n.ZH
		if lang != i18n.EN {
			folder, twinFolder, twin = lang.String(), "", i18n.EN
		}
		pages, err := filepath.Glob(filepath.Join(dir, folder, "*.html"))
		if err != nil {
			t.Fatal(err)
		}
		if want := len(content.PagesIn(lang)) + 1; len(pages) != want {
			t.Fatalf("%v: want %d pages (chapters, glossary and index), got %d", lang, want, len(pages))
		}
		for _, page := range pages {
			name := filepath.Join(folder, filepath.Base(page))
			doc := parsePage(t, page)
			links := checkLinks(t, dir, page, doc)
			if got := attr(find(doc, "html", "")[0], "lang"); got != lang.Tag() {
				t.Errorf("%s: lang %q, want %q", name, got, lang.Tag())
			}
			wantTwin := filepath.Join(dir, twinFolder, filepath.Base(page))
			if !slices.Contains(links[twin.Tag()], wantTwin) {
				t.Errorf("%s: no link to its twin %s (links in %s: %v)", name, wantTwin, twin.Tag(), links[twin.Tag()])
			}
		}
		index := filepath.Join(dir, folder, "index.html")
		links := checkLinks(t, dir, index, parsePage(t, index))
		for _, ch := range content.PagesIn(lang) {
			if p := filepath.Join(dir, folder, ch.ID+".html"); !slices.Contains(links[lang.Tag()], p) {
				t.Errorf("%s does not list %s", filepath.Join(folder, "index.html"), ch.ID)
			}
		}
	}
	basics, err := os.ReadFile(filepath.Join(dir, "basics.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<section class="lesson" id="basics-echo">`, "Title of basics/echo", "listening &lt;on&gt; &amp; ready", `<span class="num">1</span> &lt; <span class="num">2</span>`, "<table>", "<h4>Run it</h4>"} {
		if !strings.Contains(string(basics), want) {
			t.Errorf("basics.html lacks %q", want)
		}
	}
	glossary, err := os.ReadFile(filepath.Join(dir, "zh", "glossary.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>术语表</title>", "<strong>粘包</strong>", `href="../style.css"`, `href="index.html">目录</a>`} {
		if !strings.Contains(string(glossary), want) {
			t.Errorf("zh/glossary.html lacks %q", want)
		}
	}
}

// checkLinks checks every link of page (a file of the site in dir) and
// returns the files its <a> links lead to inside the site, by the
// language they are marked with (hreflang), the page's own when unmarked.
func checkLinks(t *testing.T, dir, page string, doc *html.Node) map[string][]string {
	t.Helper()
	name, _ := filepath.Rel(dir, page)
	lang := attr(find(doc, "html", "")[0], "lang")
	links := map[string][]string{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Data == "script" {
			t.Errorf("%s: has a script", name)
		}
		for _, a := range n.Attr {
			if (a.Key != "href" && a.Key != "src") || a.Val == "" {
				continue
			}
			target, _, _ := strings.Cut(a.Val, "#")
			switch {
			case strings.Contains(a.Val, "://") && n.Data != "a":
				t.Errorf("%s: fetches %s from the network", name, a.Val)
			case strings.Contains(a.Val, "://"), strings.HasPrefix(a.Val, "mailto:"):
				// an outside link the reader may follow; nothing is fetched
			case target == "":
			default:
				file := filepath.Join(filepath.Dir(page), filepath.FromSlash(target))
				if _, err := os.Stat(file); err != nil {
					t.Errorf("%s: link %q does not resolve", name, a.Val)
				}
				if rel, err := filepath.Rel(dir, file); err != nil || strings.HasPrefix(rel, "..") {
					t.Errorf("%s: link %q leads out of the site", name, a.Val)
				}
				if n.Data == "a" {
					l := attr(n, "hreflang")
					if l == "" {
						l = lang
					}
					links[l] = append(links[l], file)
				}
			}
		}
	}
	return links
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
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
	if err := site.Export(dir, one(ch)); err != nil {
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
	if err := site.Export(dir, one(ch)); err != nil {
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
