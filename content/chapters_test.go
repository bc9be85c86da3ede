package content_test

import (
	"strings"
	"testing"

	"sockbook/content"
	"sockbook/content/render"
)

// TestChapterFits80Columns renders every chapter 80 columns wide, plain,
// without lessons, and requires every line to fit: text is wrapped, but
// the chapter's own code blocks are not, so their lines must be short
// enough to fit with their indent. (Lesson programs are drawn from the
// lessons package and are left out here.) It is an external test because
// content/render imports content.
func TestChapterFits80Columns(t *testing.T) {
	const width = 80
	for _, ch := range content.Chapters() {
		out, err := render.Render(ch.Markdown, render.Options{Width: width})
		if err != nil {
			t.Fatalf("%s: %v", ch.ID, err)
		}
		for _, l := range strings.Split(out, "\n") {
			if w := render.VisibleWidth(l); w > width {
				t.Errorf("%s.md: a code line is %d columns once indented, more than %d: %q", ch.ID, w, width, strings.TrimSpace(l))
			}
		}
	}
}
