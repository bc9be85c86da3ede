package present

import (
	"errors"
	"fmt"
	"strings"

	"sockbook/content/i18n"
	"sockbook/content/render"
)

// DefaultMaxWidth is the widest a deck is rendered when
// Options.MaxWidth is not positive.
const DefaultMaxWidth = 100

// transcriptInset is how many columns narrower than the text a lesson's
// transcript is made: the lesson box's border and a margin, as `sockbook
// read --run` does.
const transcriptInset = 4

// minTranscriptWidth is the narrowest transcript a run is asked for.
const minTranscriptWidth = 20

// Options says how a deck is rendered.
type Options struct {
	// Width is the number of columns text is wrapped to. When it is not
	// positive the text takes the terminal's width, at most MaxWidth.
	Width int
	// MaxWidth caps the width taken from the terminal; when it is not
	// positive, DefaultMaxWidth.
	MaxWidth int
	// Color turns on ANSI colours (render.Options.Color).
	Color bool
	// Lang is the language of the footer's words (the document is in
	// whichever language it is written in).
	Lang i18n.Lang
	// Lessons looks up the lesson a ```lesson block names, as
	// render.Options.Lessons does. Transcripts set with SetTranscript
	// replace the views' own.
	Lessons func(id string) (render.LessonView, bool)
}

// Deck is a chapter split into sections for presenting. It renders a
// section on demand for a width and keeps the result until a transcript
// or the width changes. A Deck is used from one goroutine.
type Deck struct {
	// ID names the deck in the footer, such as the chapter id "sticky".
	ID string
	// Sections are the screens, in order.
	Sections []Section

	opts        Options
	transcripts map[string]string
	cache       map[renderKey][]string
}

type renderKey struct{ section, width int }

// NewDeck splits markdown into sections (see Split) and renders each
// once, so that a document the renderer rejects fails here rather than
// on screen. It fails for a document with no section.
func NewDeck(id string, markdown []byte, opts Options) (*Deck, error) {
	d := &Deck{
		ID:          id,
		Sections:    Split(markdown),
		opts:        opts,
		transcripts: map[string]string{},
		cache:       map[renderKey][]string{},
	}
	if len(d.Sections) == 0 {
		return nil, fmt.Errorf("present %s: the document is empty", id)
	}
	for i := range d.Sections {
		if _, err := d.render(i, d.TextWidth(0)); err != nil {
			return nil, fmt.Errorf("present %s: section %d (%s): %w", id, i+1, d.Sections[i].Title, err)
		}
	}
	return d, nil
}

// words returns the footer's words in the deck's language.
func (d *Deck) words() *words { return wordsIn(d.opts.Lang) }

// TextWidth returns the width text is wrapped to on a terminal
// termWidth columns wide (0 when unknown): Options.Width when set, else
// the terminal's width capped at MaxWidth, else render.DefaultWidth.
func (d *Deck) TextWidth(termWidth int) int {
	maxWidth := d.opts.MaxWidth
	if maxWidth <= 0 {
		maxWidth = DefaultMaxWidth
	}
	switch {
	case d.opts.Width > 0:
		return d.opts.Width
	case termWidth <= 0:
		return min(render.DefaultWidth, maxWidth)
	}
	return min(termWidth, maxWidth)
}

// TranscriptWidth returns the width a lesson's transcript should be
// made for on a terminal termWidth columns wide.
func (d *Deck) TranscriptWidth(termWidth int) int {
	return max(d.TextWidth(termWidth)-transcriptInset, minTranscriptWidth)
}

// Lines returns section i rendered textWidth columns wide, one string
// per line, without leading or trailing blank lines. Code and
// transcripts are never wrapped, so a line may be wider. When the
// section cannot be rendered its lines say why.
func (d *Deck) Lines(i, textWidth int) []string {
	lines, err := d.render(i, textWidth)
	if err != nil {
		return []string{fmt.Sprintf("(this section cannot be shown: %v)", err)}
	}
	return lines
}

// SetTranscript makes the lesson blocks of lesson id show text as their
// transcript, a run made now in place of the view's own (such as its
// recorded run), in every section, from the next render on.
func (d *Deck) SetTranscript(id, text string) {
	d.transcripts[id] = text
	clear(d.cache)
}

// render renders section i, or returns it from the cache.
func (d *Deck) render(i, width int) ([]string, error) {
	if i < 0 || i >= len(d.Sections) {
		return nil, errors.New("no such section")
	}
	key := renderKey{i, width}
	if lines, ok := d.cache[key]; ok {
		return lines, nil
	}
	for k := range d.cache {
		if k.width != width { // the terminal was resized: forget the old width
			delete(d.cache, k)
		}
	}
	out, err := render.Render(d.Sections[i].Markdown, render.Options{Width: width, Color: d.opts.Color, Lang: d.opts.Lang, Lessons: d.view})
	if err != nil {
		return nil, err
	}
	lines := strings.Split(out, "\n")
	for len(lines) > 0 && strings.TrimSpace(render.StripANSI(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(render.StripANSI(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	d.cache[key] = lines
	return lines, nil
}

// view is the lesson view of id with the transcript set for it, if any.
func (d *Deck) view(id string) (render.LessonView, bool) {
	if d.opts.Lessons == nil {
		return render.LessonView{}, false
	}
	v, ok := d.opts.Lessons(id)
	if t, has := d.transcripts[id]; has && ok {
		v.Transcript, v.Recorded = t, false
	}
	return v, ok
}
