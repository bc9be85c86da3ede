package content_test

import (
	"strings"
	"testing"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/render"
)

// TestChapterFits80Columns renders every page (the chapters and the
// glossary, in every language they are written in) 80 columns wide,
// plain, without lessons, and requires every line to fit: text is
// wrapped, but the chapter's own code blocks are not, so their lines must
// be short enough to fit with their indent. (Lesson programs are drawn
// from the lessons package and are left out here.) It is an external test
// because content/render imports content.
func TestChapterFits80Columns(t *testing.T) {
	const width = 80
	for _, lang := range i18n.All() {
		for _, id := range content.Translated(lang) {
			md, err := content.Source(lang, id)
			if err != nil {
				t.Fatal(err)
			}
			out, err := render.Render(md, render.Options{Width: width})
			if err != nil {
				t.Fatalf("%s: %v", content.Path(lang, id), err)
			}
			for _, l := range strings.Split(out, "\n") {
				if w := render.VisibleWidth(l); w > width {
					t.Errorf("content/%s: a code line is %d columns once indented, more than %d: %q", content.Path(lang, id), w, width, strings.TrimSpace(l))
				}
			}
		}
	}
}
