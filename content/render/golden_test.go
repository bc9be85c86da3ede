package render_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/linediff"
	"sockbook/content/render"
	"sockbook/lessons"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// lessonView builds the view of a lesson from the real embedded source,
// its files marked against those of the lesson it fixes, with a fixed
// transcript standing for the recorded one (which the root package
// reads from the lessons' golden files).
func lessonView(id string) (render.LessonView, bool) { return lessonViewIn(i18n.EN, id) }

// lessonViewIn is lessonView for a chapter in lang: the lesson's title
// in that language.
func lessonViewIn(lang i18n.Lang, id string) (render.LessonView, bool) {
	l, err := lessons.Find(id)
	if err != nil {
		return render.LessonView{}, false
	}
	v := render.LessonView{
		ID:      l.ID,
		Title:   l.TitleIn(lang),
		Command: "sockbook run " + l.ID,
		Transcript: fmt.Sprintf("\x1b[36mserver\x1b[0m │ (transcript of %s)\n"+
			"\x1b[35mclient\x1b[0m │ (transcript of %s)\n", id, id),
		Recorded: true, // as sockbook read shows lessons
	}
	for _, side := range []struct{ label, dir string }{{"server", l.ServerDir()}, {"client", l.ClientDir()}} {
		files, err := lessons.Source(side.dir)
		if err != nil {
			continue // a lesson may have one side only
		}
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			f := render.CodeFile{
				Label:  side.label,
				Path:   "lessons/" + side.dir + "/" + name,
				Source: files[name],
			}
			if l.Fixes != "" {
				wrong, err := lessons.Source(l.Fixes + "/" + side.label)
				if err == nil {
					f.Diff = &render.FileDiff{Against: l.Fixes, Result: linediff.Compare(string(wrong[name]), string(f.Source))}
				}
			}
			v.Files = append(v.Files, f)
		}
	}
	return v, true
}

// TestGolden renders every page (the chapters and the glossary) in every
// language it is written in at widths 80 and 60, plain and coloured, and
// compares with testdata/golden (testdata/golden/zh for the Chinese
// pages): a new translation gets its goldens with -update. Coloured
// goldens hold one quoted line per line, so escape codes show in diffs.
// Run `go test ./content/render -update` to rewrite them.
func TestGolden(t *testing.T) {
	if len(content.Chapters()) == 0 {
		t.Fatal("content.Chapters() returned no chapter")
	}
	for _, lang := range i18n.All() {
		dir := filepath.Join("testdata", "golden")
		if lang != i18n.EN {
			dir = filepath.Join(dir, lang.String())
		}
		for _, id := range content.Translated(lang) {
			ch, err := content.FindIn(lang, id)
			if err != nil {
				t.Fatal(err)
			}
			goldenPage(t, ch, dir)
		}
	}
}

// goldenPage renders one page at widths 80 and 60, plain and coloured,
// and compares each with its golden file in dir.
func goldenPage(t *testing.T, ch content.Chapter, dir string) {
	lessonView := func(id string) (render.LessonView, bool) { return lessonViewIn(ch.Lang, id) }
	for _, width := range []int{80, 60} {
		for _, colour := range []bool{false, true} {
			mode := "plain"
			if colour {
				mode = "color"
			}
			name := fmt.Sprintf("%s-%d-%s", ch.ID, width, mode)
			t.Run(ch.Lang.String()+"/"+name, func(t *testing.T) {
				out, err := render.Render(ch.Markdown, render.Options{Width: width, Color: colour, Lang: ch.Lang, Lessons: lessonView})
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(out, "!! unknown lesson") || strings.Contains(out, "!! lesson block") {
					t.Errorf("%s names a lesson the catalog lacks:\n%s", ch.ID, out)
				}
				if !colour {
					checkWidths(t, ch, out, width)
				}
				compareGolden(t, filepath.Join(dir, name+".golden"), goldenText(out, colour))
			})
		}
	}
}

// goldenText is what a golden file holds: the output itself when plain,
// one strconv.Quote'd line per line when coloured.
func goldenText(out string, colour bool) string {
	if !colour {
		return out
	}
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		b.WriteString(strconv.Quote(l) + "\n")
	}
	return b.String()
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./content/render -update to create it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs from the output at line %d:\n got: %s\nwant: %s\n(run go test ./content/render -update if the change is meant)", path, i+1, g, w)
		}
	}
}

// checkWidths fails for a line wider than width unless it is a line of
// code (from a fenced block or a lesson file, with or without its diff
// mark) or of a transcript, which are never wrapped.
func checkWidths(t *testing.T, ch content.Chapter, out string, width int) {
	t.Helper()
	code := map[string]bool{}
	addLines := func(src string) {
		for _, l := range strings.Split(src, "\n") {
			code[strings.TrimSpace(strings.ReplaceAll(l, "\t", "    "))] = true
		}
	}
	for _, b := range fencedCode(ch.Markdown) {
		addLines(b)
	}
	for _, id := range content.LessonRefs(ch.Markdown) {
		v, ok := lessonView(id)
		if !ok {
			continue
		}
		for _, f := range v.Files {
			addLines(string(f.Source))
		}
		addLines(render.StripANSI(v.Transcript))
	}
	for _, l := range strings.Split(out, "\n") {
		if render.VisibleWidth(l) <= width {
			continue
		}
		text := strings.TrimLeft(l, " │")
		for _, mark := range []string{"+ ", "~ "} { // a diff mark in a code line's gutter
			text = strings.TrimPrefix(text, mark)
		}
		if !code[strings.TrimSpace(text)] {
			t.Errorf("%s: line wider than %d that is not code: %q", ch.ID, width, l)
		}
	}
}

// fencedCode returns the content of the document's fenced code blocks that
// are not lesson blocks, found by scanning lines; it is independent of the
// renderer on purpose.
func fencedCode(md []byte) []string {
	var blocks []string
	var cur []string
	in := false
	for _, l := range strings.Split(string(md), "\n") {
		t := strings.TrimLeft(l, " >")
		if strings.HasPrefix(t, "```") {
			if in {
				blocks = append(blocks, strings.Join(cur, "\n"))
				cur = nil
			}
			in = !in
			continue
		}
		if in {
			cur = append(cur, l)
		}
	}
	return blocks
}
