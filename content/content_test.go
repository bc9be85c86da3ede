package content

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"sockbook/content/i18n"
)

func TestChaptersInOrder(t *testing.T) {
	chapters := Chapters()
	if len(chapters) == 0 || chapters[0].ID != "basics" {
		t.Fatalf("Chapters() should start with basics, got %d chapters", len(chapters))
	}
	last := -1
	for _, ch := range chapters {
		i := slices.Index(IDs(), ch.ID)
		if i < 0 {
			t.Errorf("chapter %q is not a known id", ch.ID)
		}
		if i <= last {
			t.Errorf("chapter %q is out of reading order", ch.ID)
		}
		last = i
		if ch.Title == "" {
			t.Errorf("chapter %q has no level-1 heading", ch.ID)
		}
		if len(ch.Markdown) == 0 {
			t.Errorf("chapter %q is empty", ch.ID)
		}
	}
}

// TestEveryFileIsAChapter catches a Markdown file whose name is not a
// page id, in English or in a translation: Chapters and PagesIn would
// silently leave it out.
func TestEveryFileIsAChapter(t *testing.T) {
	for _, pattern := range []string{"*.md", "*/*.md"} {
		names, err := fs.Glob(files, pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			dir, file := path.Split(name)
			if dir != "" && !slices.ContainsFunc(i18n.All(), func(l i18n.Lang) bool { return l != i18n.EN && dir == l.String()+"/" }) {
				t.Errorf("content/%s is in %s, which is no language's folder", name, dir)
			}
			if id := strings.TrimSuffix(file, ".md"); !slices.Contains(PageIDs(), id) {
				t.Errorf("content/%s is not a page id (ids: %s)", name, strings.Join(PageIDs(), ", "))
			}
		}
	}
}

// TestGlossary: the glossary is a page after the chapters, in English and
// in Chinese, found by its id and by neither Chapters nor IDs.
func TestGlossary(t *testing.T) {
	for _, lang := range i18n.All() {
		pages := PagesIn(lang)
		if len(pages) != len(IDs())+1 || pages[len(pages)-1].ID != Glossary {
			t.Fatalf("%v: PagesIn should be the %d chapters then the glossary, got %d pages", lang, len(IDs()), len(pages))
		}
		g, err := FindIn(lang, Glossary)
		if err != nil {
			t.Fatal(err)
		}
		if g.Fallback || g.Lang != lang || g.Title == "" {
			t.Errorf("%v: glossary is %+v, want its own translation with a title", lang, g)
		}
	}
	if slices.Contains(IDs(), Glossary) || len(Chapters()) != len(IDs()) {
		t.Errorf("the glossary is not a chapter")
	}
}

// TestFallback: a page not yet translated is the English text, marked as
// such, with a one-line note in the language asked for after its title.
func TestFallback(t *testing.T) {
	for _, id := range PageIDs() {
		if slices.Contains(Translated(i18n.ZH), id) {
			continue
		}
		en, err := Find(id)
		if err != nil {
			t.Fatal(err)
		}
		zh, err := FindIn(i18n.ZH, id)
		if err != nil {
			t.Fatal(err)
		}
		if !zh.Fallback || zh.Lang != i18n.ZH || zh.Title != en.Title {
			t.Errorf("%s in Chinese: fallback %v, lang %v, title %q; want the English title %q as a fallback", id, zh.Fallback, zh.Lang, zh.Title, en.Title)
		}
		note := fallbackNote(i18n.ZH)
		if strings.Count(note, "\n") != 1 || !strings.Contains(string(zh.Markdown), note) {
			t.Errorf("%s in Chinese lacks the one-line note %q", id, note)
		}
		if got := strings.Replace(string(zh.Markdown), "\n"+note, "", 1); got != string(en.Markdown) {
			t.Errorf("%s in Chinese is not the English text plus the note", id)
		}
		return // one is enough; they are all made the same way
	}
}

func TestAfterTitle(t *testing.T) {
	const note = "> N\n"
	cases := []struct{ md, want string }{
		{"# T\n\nbody\n", "# T\n\n> N\n\nbody\n"},
		{"T\n===\n\nbody\n", "T\n===\n\n> N\n\nbody\n"},
		{"intro\n\n# T\nbody\n", "intro\n\n# T\n\n> N\n\nbody\n"},
		{"no title\n", "> N\n\nno title\n"},
		{"# T", "# T\n\n> N\n\n"},
	}
	for _, tc := range cases {
		if got := string(afterTitle([]byte(tc.md), note)); got != tc.want {
			t.Errorf("afterTitle(%q) = %q, want %q", tc.md, got, tc.want)
		}
	}
}

func TestExerciseRefs(t *testing.T) {
	md := "# C\n\n## Exercise: line-frames\n\n## 练习：`length-prefix`\n\n### 练习: udp-time\n\n" +
		"## Exercise line-frames\n\n## Exercise: two words\n\n```\n## Exercise: in-code\n```\n"
	got := ExerciseRefs([]byte(md))
	if want := []string{"line-frames", "length-prefix", "udp-time"}; !slices.Equal(got, want) {
		t.Errorf("ExerciseRefs = %q, want %q", got, want)
	}
}

func TestFind(t *testing.T) {
	cases := []struct {
		id        string
		wantTitle string
		wantErr   string
	}{
		{id: "basics", wantTitle: "Basics: one connection, end to end"},
		{id: "nope", wantErr: `no chapter "nope" (chapters: basics`},
		{id: "", wantErr: `no chapter ""`},
	}
	for _, tc := range cases {
		ch, err := Find(tc.id)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Find(%q) error = %v, want one containing %q", tc.id, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Find(%q): %v", tc.id, err)
			continue
		}
		if ch.ID != tc.id || ch.Title != tc.wantTitle {
			t.Errorf("Find(%q) = %q %q, want title %q", tc.id, ch.ID, ch.Title, tc.wantTitle)
		}
	}
}

// TestEveryChapterWritten: every id in IDs has its chapter file, so
// Chapters returns them all, in order, each with a title.
func TestEveryChapterWritten(t *testing.T) {
	chapters := Chapters()
	if len(chapters) != len(IDs()) {
		t.Fatalf("%d chapters for %d ids", len(chapters), len(IDs()))
	}
	for i, id := range IDs() {
		if chapters[i].ID != id || chapters[i].Title == "" {
			t.Errorf("chapter %d is %q titled %q, want %q with a title", i, chapters[i].ID, chapters[i].Title, id)
		}
	}
}

func TestTitle(t *testing.T) {
	cases := []struct{ md, want string }{
		{"# Plain\n\ntext", "Plain"},
		{"intro\n\n## Not this\n\n# The *real* `one`\n", "The real one"},
		{"```\n# not a heading\n```\n\n# Yes", "Yes"},
		{"Setext\n======\n", "Setext"},
		{"no heading", ""},
	}
	for _, tc := range cases {
		if got := Title([]byte(tc.md)); got != tc.want {
			t.Errorf("Title(%q) = %q, want %q", tc.md, got, tc.want)
		}
	}
}

// TestCodeBlocks requires every Go block of every chapter to be a lesson
// or a marked fragment.
func TestCodeBlocks(t *testing.T) {
	for _, ch := range Chapters() {
		for _, b := range UnmarkedGoBlocks(ch.Markdown) {
			t.Errorf("%s.md:%d: a ```%s block must be a ```lesson block or marked ```go fragment", ch.ID, b.Line, b.Info)
		}
	}
}
