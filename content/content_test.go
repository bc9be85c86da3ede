package content

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
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
// chapter id: Chapters would silently leave it out.
func TestEveryFileIsAChapter(t *testing.T) {
	names, err := fs.Glob(files, "*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if id := strings.TrimSuffix(name, ".md"); !slices.Contains(IDs(), id) {
			t.Errorf("content/%s is not a chapter id (ids: %s)", name, strings.Join(IDs(), ", "))
		}
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
