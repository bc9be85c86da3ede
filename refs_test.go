package main

import (
	"slices"
	"testing"

	"sockbook/content"
	"sockbook/lessons"
	"sockbook/runner/check"
	"sockbook/solutions"
)

// TestReferences checks that chapters, lessons and exercises name each
// other consistently: every lesson a chapter shows exists, every lesson is
// shown by its own chapter, every exercise has its section in its chapter
// and its solution, starter and hints.
func TestReferences(t *testing.T) {
	shown := map[string]string{} // lesson id -> chapter that shows it
	for _, ch := range content.Chapters() {
		for _, id := range content.LessonRefs(ch.Markdown) {
			if _, err := lessons.Find(id); err != nil {
				t.Errorf("chapter %s shows lesson %q, which does not exist", ch.ID, id)
			}
			shown[id] = ch.ID
		}
	}
	if len(content.Chapters()) != len(content.IDs()) {
		t.Errorf("%d chapters written, want all %d", len(content.Chapters()), len(content.IDs()))
	}
	for _, l := range lessons.All() {
		switch ch, ok := shown[l.ID]; {
		case !ok:
			t.Errorf("lesson %s is shown by no chapter", l.ID)
		case ch != l.Chapter():
			t.Errorf("lesson %s is shown by chapter %s, not its own", l.ID, ch)
		}
	}
	for _, ex := range check.All() {
		ch, err := content.Find(ex.Chapter)
		if err != nil {
			t.Errorf("exercise %s: %v", ex.ID, err)
			continue
		}
		if !slices.Contains(content.ExerciseRefs(ch.Markdown), ex.ID) {
			t.Errorf("chapter %s has no section \"## Exercise: %s\"", ex.Chapter, ex.ID)
		}
		if _, err := solutions.Reference(ex.ID); err != nil {
			t.Error(err)
		}
		if _, err := solutions.Starter(ex.ID); err != nil {
			t.Error(err)
		}
		if hints, err := solutions.Hints(ex.ID); err != nil || len(hints) < 2 || len(hints) > 4 {
			t.Errorf("exercise %s: want 2 to 4 hints, got %d (%v)", ex.ID, len(hints), err)
		}
		if len(ex.Scenarios) == 0 {
			t.Errorf("exercise %s has no scenarios", ex.ID)
		}
	}
	if got := len(check.All()); got != 9 {
		t.Errorf("%d exercises, want the nine of the design", got)
	}
}
