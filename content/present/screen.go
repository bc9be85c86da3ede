package present

import (
	"fmt"
	"strings"

	"sockbook/content/render"
)

// Screen is the state of a presentation: the section shown, how far it
// is scrolled, and what the footer reports. It is a value: Update
// returns a new Screen and leaves the old one as it was.
type Screen struct {
	// Section is the index of the section shown.
	Section int
	// Scroll is the index of the section's first line on screen.
	Scroll int
	// Running is the id of the lesson being run, "" when none is.
	Running string
	// Status is a one-line message for the footer, such as a run's
	// error; the next key press clears it.
	Status string
}

// Action is what the caller of Update has to do besides drawing.
type Action struct {
	// Quit reports whether the presentation ends (q or Ctrl-C).
	Quit bool
	// Interrupted reports whether it ends because of Ctrl-C.
	Interrupted bool
	// Run lists the lessons to run, in order; each run's transcript goes
	// to Deck.SetTranscript and its end to Screen.Ran.
	Run []string
	// RunWidth is the width to make the transcripts for.
	RunWidth int
}

// Frame is one screenful: the visible lines of a section and a footer.
type Frame struct {
	// Body holds exactly one line per row above the footer, each at most
	// the terminal's width in visible columns.
	Body []string
	// Footer is the plain text of the bottom row, at most the terminal's
	// width; "" when the terminal has no row for it.
	Footer string
	// Color reports whether the footer is drawn in reverse video.
	Color bool
}

// Rows returns the frame's rows from the top: the body, then the footer.
func (f Frame) Rows() []string {
	if f.Footer == "" && len(f.Body) == 0 {
		return nil
	}
	return append(append([]string(nil), f.Body...), f.Footer)
}

// The keys, grouped by what they do.
var (
	keysQuit     = []Key{"q", "Q"}
	keysLineDown = []Key{KeyDown, "j"}
	keysLineUp   = []Key{KeyUp, "k"}
	keysPageDown = []Key{KeySpace, KeyRight, "l", KeyPgDn, KeyEnter}
	keysPageUp   = []Key{KeyLeft, "h", KeyPgUp, KeyBackspace}
	keysNext     = []Key{"n", KeyTab}
	keysPrev     = []Key{"p"}
	keysFirst    = []Key{KeyHome, "g"}
	keysLast     = []Key{KeyEnd, "G"}
	keysRun      = []Key{"r"}
)

// Update applies key k to the screen of a terminal width × height cells
// showing deck d, and returns the new screen, the frame to draw and what
// else to do. KeyNone changes nothing but re-fits the screen, after a
// resize or a new transcript.
//
// Keys: ↓ j scroll a line, and at the end of a section go to the next;
// space → l PageDown Enter scroll a page, and at the end go to the next
// section; ↑ k and ← h PageUp Backspace do the same backwards (a line up
// from the top shows the previous section's end, a page up its start);
// n Tab and p go to the next and previous section at once; Home g and
// End G to the first and last; r runs the section's lessons; q and
// Ctrl-C quit.
func (s Screen) Update(d *Deck, width, height int, k Key) (Screen, Frame, Action) {
	var act Action
	s = s.clamp(d, width, height)
	if k != KeyNone {
		s.Status = ""
	}
	page := max(bodyHeight(height)-1, 1)
	last := len(d.Sections) - 1
	bottom := s.maxScroll(d, width, height)
	switch {
	case k == KeyCtrlC:
		act.Quit, act.Interrupted = true, true
	case in(k, keysQuit):
		act.Quit = true
	case in(k, keysLineDown):
		if s.Scroll < bottom {
			s.Scroll++
		} else {
			s = s.goTo(s.Section+1, 0)
		}
	case in(k, keysPageDown):
		if s.Scroll < bottom {
			s.Scroll = min(s.Scroll+page, bottom)
		} else {
			s = s.goTo(s.Section+1, 0)
		}
	case in(k, keysLineUp):
		if s.Scroll > 0 {
			s.Scroll--
		} else if s.Section > 0 {
			s = s.goTo(s.Section-1, len(d.Lines(s.Section-1, d.TextWidth(width))))
		} else {
			s.Status = fmt.Sprintf(d.words().start, d.ID)
		}
	case in(k, keysPageUp):
		if s.Scroll > 0 {
			s.Scroll = max(s.Scroll-page, 0)
		} else {
			s = s.goTo(s.Section-1, 0)
		}
	case in(k, keysNext):
		s = s.goTo(s.Section+1, 0)
	case in(k, keysPrev):
		s = s.goTo(s.Section-1, 0)
	case in(k, keysFirst):
		s = s.goTo(0, 0)
	case in(k, keysLast):
		s = s.goTo(last, 0)
	case in(k, keysRun):
		s, act = s.run(d, width)
	}
	switch {
	case s.Section > last:
		s.Section, s.Status = last, fmt.Sprintf(d.words().end, d.ID)
	case s.Section < 0:
		s.Section, s.Status = 0, fmt.Sprintf(d.words().start, d.ID)
	}
	s = s.clamp(d, width, height)
	return s, s.Frame(d, width, height), act
}

// Ran records the end of one lesson's run in deck d: err is its error,
// if any, and next the lesson run after it, "" when it was the last.
func (s Screen) Ran(d *Deck, id string, err error, next string) Screen {
	s.Running = next
	switch {
	case err != nil:
		s.Status = fmt.Sprintf(d.words().failed, id, err)
	case next == "" && s.Status == "":
		s.Status = d.words().done
	}
	return s
}

// run starts a run of the current section's lessons.
func (s Screen) run(d *Deck, width int) (Screen, Action) {
	ids := d.Sections[s.Section].Lessons
	switch {
	case s.Running != "":
		s.Status = fmt.Sprintf(d.words().wait, s.Running)
		return s, Action{}
	case len(ids) == 0:
		s.Status = d.words().noLesson
		return s, Action{}
	}
	s.Running = ids[0]
	return s, Action{Run: ids, RunWidth: d.TranscriptWidth(width)}
}

// goTo shows section i scrolled to line scroll (clamped later).
func (s Screen) goTo(i, scroll int) Screen {
	s.Section, s.Scroll = i, scroll
	return s
}

// clamp keeps the section and the scroll within the deck.
func (s Screen) clamp(d *Deck, width, height int) Screen {
	s.Section = max(min(s.Section, len(d.Sections)-1), 0)
	s.Scroll = max(min(s.Scroll, s.maxScroll(d, width, height)), 0)
	return s
}

// maxScroll is the scroll that shows the section's last line at the
// bottom of the body.
func (s Screen) maxScroll(d *Deck, width, height int) int {
	n := len(d.Lines(s.Section, d.TextWidth(width)))
	return max(n-bodyHeight(height), 0)
}

// bodyHeight is the number of rows above the footer.
func bodyHeight(height int) int { return max(height-1, 0) }

// Frame returns what the screen shows on a terminal width × height cells.
func (s Screen) Frame(d *Deck, width, height int) Frame {
	f := Frame{Color: d.opts.Color}
	if width <= 0 || height <= 0 {
		return f
	}
	s = s.clamp(d, width, height)
	textWidth := d.TextWidth(width)
	lines := d.Lines(s.Section, textWidth)
	margin := strings.Repeat(" ", max((width-textWidth)/2, 0))
	f.Body = make([]string, bodyHeight(height))
	for row := range f.Body {
		if i := s.Scroll + row; i < len(lines) {
			f.Body[row] = fitLine(margin+lines[i], width)
		}
	}
	f.Footer = s.footer(d, width, height, len(lines))
	return f
}

// footer builds the bottom row: where we are on the left, what the keys
// do (or a message) on the right, shortened to fit width.
func (s Screen) footer(d *Deck, width, height, lines int) string {
	sec := d.Sections[s.Section]
	w := d.words()
	place := fmt.Sprintf("%s %d/%d", d.ID, s.Section+1, len(d.Sections))
	body := bodyHeight(height)
	overflow := lines > body

	var right []string
	if overflow {
		right = append(right, fmt.Sprintf(w.lines, s.Scroll+1, min(s.Scroll+body, lines), lines))
	}
	var keys, short []string
	switch {
	case s.Running != "":
		right = append(right, fmt.Sprintf(w.running, s.Running))
	case s.Status != "":
		right = append(right, s.Status)
	default:
		if overflow {
			keys, short = append(keys, w.scroll, w.page), append(short, "↑↓", "←→")
		} else {
			keys, short = append(keys, w.section), append(short, "←→")
		}
		if len(sec.Lessons) > 0 {
			keys, short = append(keys, w.run), append(short, "r")
		}
		keys, short = append(keys, w.quit), append(short, "q")
	}

	// Shorten the keys before the title, and the title only so far.
	title := render.StripANSI(sec.Title)
	whole := render.VisibleWidth(title)
	tries := []struct {
		keys     []string
		minTitle int
	}{{keys, whole}, {short, whole}, {short, 16}, {nil, whole}, {nil, 8}}
	for _, try := range tries {
		r := strings.Join(append(append([]string(nil), right...), try.keys...), " · ")
		if line, ok := footerLine(place, title, r, width, min(try.minTitle, whole)); ok {
			return line
		}
	}
	// Not even the place and a message fit: keep the message first.
	msg := strings.Join(right, " · ")
	if msg == "" {
		return render.Truncate(" "+place+" · "+title, width)
	}
	return render.Truncate(" "+msg, width)
}

// footerLine lays out " place · title   right " in width columns,
// shortening the title to no less than minTitle columns when needed, and
// reports whether it fitted.
func footerLine(place, title, right string, width, minTitle int) (string, bool) {
	left := " " + place
	tail := ""
	if right != "" {
		tail = right + " "
	}
	fixed := render.VisibleWidth(left) + render.VisibleWidth(tail) + 2 // at least two spaces between
	if title != "" {
		room := width - fixed - 3 // " · "
		if room < minTitle {
			return "", false
		}
		left += " · " + render.Truncate(title, room)
	}
	gap := width - render.VisibleWidth(left) - render.VisibleWidth(tail)
	if gap < 2 && tail != "" || gap < 0 {
		return "", false
	}
	return left + strings.Repeat(" ", gap) + tail, true
}

// in reports whether k is one of keys.
func in(k Key, keys []Key) bool {
	for _, x := range keys {
		if k == x {
			return true
		}
	}
	return false
}
