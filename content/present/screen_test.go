package present

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/render"
)

// testDeck has an intro of 4 lines, a section "Long" of 33 lines, a
// section "Run" with two lessons, and a short last section.
func testDeck(t *testing.T, opts Options) *Deck {
	t.Helper()
	var code strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&code, "line %d\n", i)
	}
	md := "# Deck\n\nIntro.\n\n## Long\n\n```\n" + code.String() + "```\n\n" +
		"## Run\n\n```lesson x/one\n```\n\n```lesson x/two\n```\n\n## End\n\nBye.\n"
	d, err := NewDeck("t", []byte(md), opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Paging and scrolling happen on a 60 × 10 terminal: 9 rows of body,
// pages of 8 lines, and the 33 lines of "Long" scroll from 0 to 24.
const pageW, pageH = 60, 10

func TestUpdateMoves(t *testing.T) {
	d := testDeck(t, Options{})
	if n := len(d.Lines(1, d.TextWidth(pageW))); n != 33 {
		t.Fatalf("section Long renders to %d lines; the cases below assume 33", n)
	}
	tests := []struct {
		name           string
		keys           []Key
		section, shift int
		status         string
	}{
		{name: "start", keys: nil, section: 0, shift: 0},
		{name: "space on a short section goes to the next", keys: []Key{KeySpace}, section: 1},
		{name: "j on a short section goes to the next", keys: []Key{"j"}, section: 1},
		{name: "space pages a long section", keys: []Key{KeySpace, KeySpace}, section: 1, shift: 8},
		{name: "right, l, PageDown and Enter page too", keys: []Key{KeyRight, KeyRight, "l", KeyPgDn}, section: 1, shift: 24},
		{name: "the last page stops at the end", keys: []Key{"n", KeyPgDn, KeyPgDn, KeyPgDn}, section: 1, shift: 24},
		{name: "space at the end goes to the next section", keys: []Key{"n", KeySpace, KeySpace, KeySpace, KeySpace}, section: 2},
		{name: "enter pages", keys: []Key{"n", KeyEnter}, section: 1, shift: 8},
		{name: "j and down scroll a line", keys: []Key{"n", "j", KeyDown}, section: 1, shift: 2},
		{name: "k and up scroll back a line", keys: []Key{"n", "j", "j", "j", "k", KeyUp}, section: 1, shift: 1},
		{name: "j at the end goes to the next section", keys: append([]Key{"n"}, slices.Repeat([]Key{"j"}, 25)...), section: 2},
		{name: "k at the top shows the previous section's end", keys: []Key{"n", "n", "k"}, section: 1, shift: 24},
		{name: "up at the top of a short one shows its start", keys: []Key{"n", KeyUp}, section: 0},
		{name: "left pages back", keys: []Key{"n", KeySpace, KeySpace, KeySpace, KeyLeft}, section: 1, shift: 16},
		{name: "h, PageUp and backspace page back", keys: []Key{"n", KeySpace, KeySpace, KeySpace, "h", KeyPgUp, KeyBackspace}, section: 1},
		{name: "a page back stops at the top", keys: []Key{"n", "j", "j", KeyLeft}, section: 1},
		{name: "left at the top shows the previous section's start", keys: []Key{"n", "n", KeyLeft}, section: 1},
		{name: "n skips the rest of a section", keys: []Key{"n", "j", "n"}, section: 2},
		{name: "tab is n", keys: []Key{KeyTab, KeyTab}, section: 2},
		{name: "p goes back to the start of the previous", keys: []Key{"n", "n", "p"}, section: 1},
		{name: "p from inside a section", keys: []Key{"n", "j", "p"}, section: 0},
		{name: "G and End go to the last", keys: []Key{"G"}, section: 3},
		{name: "End", keys: []Key{KeyEnd}, section: 3},
		{name: "g and Home go to the first", keys: []Key{"G", "g"}, section: 0},
		{name: "Home", keys: []Key{"n", "j", KeyHome}, section: 0},
		{name: "past the end", keys: []Key{"G", KeySpace}, section: 3, status: "end of t"},
		{name: "past the end with j", keys: []Key{"G", "j"}, section: 3, status: "end of t"},
		{name: "past the end with n", keys: []Key{"G", "n"}, section: 3, status: "end of t"},
		{name: "before the start", keys: []Key{KeyLeft}, section: 0, status: "start of t"},
		{name: "before the start with k", keys: []Key{"k"}, section: 0, status: "start of t"},
		{name: "the next key clears a message", keys: []Key{KeyLeft, "x"}, section: 0},
		{name: "unbound keys change nothing", keys: []Key{"n", "j", "x", KeyEsc, KeyUnknown, KeyInsert, KeyNone}, section: 1, shift: 1},
		{name: "r with no lesson says so", keys: []Key{"r"}, section: 0, status: "no lesson to run in this section"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Screen
			for _, k := range tt.keys {
				var act Action
				s, _, act = s.Update(d, pageW, pageH, k)
				if act.Quit {
					t.Fatalf("key %q quits", k)
				}
			}
			if s.Section != tt.section || s.Scroll != tt.shift || s.Status != tt.status {
				t.Errorf("keys %q: section %d, scroll %d, status %q; want %d, %d, %q",
					tt.keys, s.Section, s.Scroll, s.Status, tt.section, tt.shift, tt.status)
			}
		})
	}
}

func TestUpdateQuit(t *testing.T) {
	d := testDeck(t, Options{})
	tests := []struct {
		key         Key
		interrupted bool
	}{{"q", false}, {"Q", false}, {KeyCtrlC, true}}
	for _, tt := range tests {
		_, _, act := Screen{}.Update(d, pageW, pageH, tt.key)
		if !act.Quit || act.Interrupted != tt.interrupted {
			t.Errorf("key %q: %+v, want quit, interrupted %v", tt.key, act, tt.interrupted)
		}
	}
}

// TestResize checks the scroll is kept within the section when the
// terminal grows or shrinks.
func TestResize(t *testing.T) {
	d := testDeck(t, Options{})
	s := Screen{Section: 1, Scroll: 24}
	tests := []struct {
		w, h, scroll int
	}{
		{pageW, pageH, 24},
		{pageW, 20, 14}, // 19 rows of body
		{pageW, 40, 0},  // all 34 lines fit
		{pageW, 1, 24},  // no body: scrolling is moot, keep it
	}
	for _, tt := range tests {
		got, _, _ := s.Update(d, tt.w, tt.h, KeyNone)
		want := min(tt.scroll, max(33-bodyHeight(tt.h), 0))
		if got.Scroll != want || got.Section != 1 {
			t.Errorf("%d × %d: section %d scroll %d, want 1, %d", tt.w, tt.h, got.Section, got.Scroll, want)
		}
	}
}

func TestUpdateRun(t *testing.T) {
	d := testDeck(t, Options{MaxWidth: 50})
	s, _, _ := Screen{}.Update(d, pageW, pageH, "n")
	s, _, _ = s.Update(d, pageW, pageH, "n")
	s, f, act := s.Update(d, pageW, pageH, "r")
	if !slices.Equal(act.Run, []string{"x/one", "x/two"}) || act.RunWidth != 50-transcriptInset {
		t.Fatalf("r on section Run: %+v, want Run [x/one x/two] at width %d", act, 50-transcriptInset)
	}
	if s.Running != "x/one" || !strings.Contains(f.Footer, "running x/one…") {
		t.Errorf("running %q, footer %q; want x/one shown as running", s.Running, f.Footer)
	}
	s2, _, act := s.Update(d, pageW, pageH, "r")
	if act.Run != nil || !strings.Contains(s2.Status, "still running") {
		t.Errorf("r during a run: %+v, status %q; want no run and a message", act, s2.Status)
	}
	s = s.Ran(d, "x/one", nil, "x/two")
	if s.Running != "x/two" {
		t.Errorf("after x/one, running %q, want x/two", s.Running)
	}
	s = s.Ran(d, "x/two", fmt.Errorf("boom"), "")
	if s.Running != "" || !strings.Contains(s.Status, "boom") {
		t.Errorf("after x/two failed: running %q, status %q", s.Running, s.Status)
	}
	if _, f, _ := s.Update(d, pageW, pageH, KeyNone); !strings.Contains(f.Footer, "boom") {
		t.Errorf("footer %q does not show the error", f.Footer)
	}
}

func TestFooter(t *testing.T) {
	d := testDeck(t, Options{})
	tests := []struct {
		name     string
		s        Screen
		w, h     int
		want     []string
		dontWant []string
	}{
		{
			name: "short section", s: Screen{}, w: 80, h: 24,
			want:     []string{"t 1/4", "Deck", "←→ section", "q quit"},
			dontWant: []string{"scroll", "lines", "r run"},
		},
		{
			name: "long section scrolls", s: Screen{Section: 1, Scroll: 3}, w: 80, h: 10,
			want: []string{"t 2/4", "Long", "lines 4-12/33", "↑↓ scroll", "←→ page", "q quit"},
		},
		{
			name: "lessons can run", s: Screen{Section: 2}, w: 80, h: 24,
			want: []string{"t 3/4", "Run", "r run"},
		},
		{
			name: "a message replaces the keys", s: Screen{Section: 3, Status: "end of t"}, w: 80, h: 24,
			want: []string{"t 4/4", "End", "end of t"}, dontWant: []string{"quit"},
		},
		{
			name: "a message after a run keeps the place", s: Screen{Section: 1, Status: "done: transcript under the code"}, w: 80, h: 10,
			want: []string{"t 2/4", "Long", "lines 1-9/33", "done: transcript under the code"},
		},
		{
			name: "narrow: short keys", s: Screen{Section: 1}, w: 40, h: 10,
			want: []string{"t 2/4", "Long", "lines 1-9/33"}, dontWant: []string{"quit", "page"},
		},
		{
			name: "very narrow: the place first", s: Screen{Section: 2}, w: 12, h: 10,
			want: []string{"t 3/4"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.s.Frame(d, tt.w, tt.h)
			for _, w := range tt.want {
				if !strings.Contains(f.Footer, w) {
					t.Errorf("footer %q lacks %q", f.Footer, w)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(f.Footer, w) {
					t.Errorf("footer %q has %q", f.Footer, w)
				}
			}
			if got := render.VisibleWidth(f.Footer); got > tt.w {
				t.Errorf("footer %q is %d wide, more than %d", f.Footer, got, tt.w)
			}
		})
	}
}

// wideLessons returns views whose code has a line 150 columns wide, tabs
// and wide characters, and whose transcript holds colours.
func wideLessons(id string) (render.LessonView, bool) {
	src := "package main\n\n// " + strings.Repeat("wide ", 30) + "\nfunc main() {\n\tprintln(\"粘包 粘包 粘包\")\n}\n"
	return render.LessonView{
		ID: id, Title: "Lesson " + id, Command: "sockbook run " + id,
		Files:      []render.CodeFile{{Label: "server", Path: "lessons/" + id + "/server/main.go", Source: []byte(src)}},
		Transcript: "\x1b[36mserver\x1b[0m │ " + strings.Repeat("粘包 and \x1b[1mbold\x1b[0m\t", 12) + "\n\x1b[33mclient\x1b[0m │ bye\n",
	}, true
}

// TestFramesFit shows every chapter, in every language it is written
// in (the glossary too), on terminals from tiny to huge,
// every section from its top to its bottom (a page at a time on the
// larger terminals, so that every line is on screen once), and checks
// each frame has exactly the terminal's rows and no row wider than it.
func TestFramesFit(t *testing.T) {
	sizes := []struct{ w, h int }{{80, 24}, {40, 10}, {250, 60}, {20, 5}, {10, 3}, {3, 2}, {1, 1}, {80, 1}}
	frames := 0
	for _, ch := range translatedPages(t) {
		for _, color := range []bool{false, true} {
			for _, fixed := range []int{0, 70} {
				d, err := NewDeck(ch.ID, ch.Markdown, Options{Width: fixed, Color: color, Lang: ch.Lang, Lessons: wideLessons})
				if err != nil {
					t.Fatal(err)
				}
				for _, sz := range sizes {
					for i := range d.Sections {
						bottom := Screen{Section: i}.maxScroll(d, sz.w, sz.h)
						step := max(bodyHeight(sz.h), bottom/10, 1)
						for scroll := 0; ; scroll = min(scroll+step, bottom) {
							s := Screen{Section: i, Scroll: scroll}
							f := s.Frame(d, sz.w, sz.h)
							frames++
							where := fmt.Sprintf("%s (%v) %d × %d (color %v, width %d) section %d scroll %d", ch.ID, ch.Lang, sz.w, sz.h, color, fixed, i, scroll)
							rows := f.Rows()
							if len(rows) != sz.h {
								t.Fatalf("%s: %d rows", where, len(rows))
							}
							for r, row := range rows {
								if vw := render.VisibleWidth(row); vw > sz.w {
									t.Fatalf("%s: row %d is %d wide: %q", where, r, vw, row)
								}
								if !color && strings.ContainsRune(row, escByte) {
									t.Fatalf("%s: escape code with colour off in row %d: %q", where, r, row)
								}
							}
							if scroll == bottom {
								break
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d frames", frames)
}

// translatedPages returns every page in every language it has a file
// in: the English chapters and glossary, and the translations written so
// far.
func translatedPages(t *testing.T) []content.Chapter {
	t.Helper()
	var out []content.Chapter
	for _, lang := range i18n.All() {
		for _, id := range content.Translated(lang) {
			ch, err := content.FindIn(lang, id)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, ch)
		}
	}
	return out
}

// TestChineseIsWrappedNotCut: on a terminal as wide as the text or
// wider, a line of Chinese text is wrapped to the text width by display
// columns (a Chinese character takes two), so the screen never has to
// cut it; and the footer speaks the deck's language.
func TestChineseIsWrappedNotCut(t *testing.T) {
	han := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	}
	for _, ch := range translatedPages(t) {
		if ch.Lang != i18n.ZH {
			continue
		}
		for _, width := range []int{40, 60, 80} {
			d, err := NewDeck(ch.ID, ch.Markdown, Options{Width: width, Lang: ch.Lang, Lessons: wideLessons})
			if err != nil {
				t.Fatal(err)
			}
			for i := range d.Sections {
				for _, l := range d.Lines(i, width) {
					// Code and transcripts, in their boxes, are never
					// wrapped; the text around them is.
					if strings.HasPrefix(render.StripANSI(l), "│") {
						continue
					}
					if han(l) && render.VisibleWidth(l) > width {
						t.Errorf("%s at %d columns, section %d: a line of Chinese is %d wide: %q", ch.ID, width, i, render.VisibleWidth(l), l)
					}
				}
				f := Screen{Section: i}.Frame(d, width, 12)
				for r, row := range f.Body {
					if han(row) && strings.HasSuffix(render.StripANSI(row), "…") && !strings.HasSuffix(render.StripANSI(d.Lines(i, width)[r]), "…") {
						t.Errorf("%s at %d columns, section %d: row %d was cut: %q", ch.ID, width, i, r, row)
					}
				}
				// A long title leaves room for the keys only, not their names.
				if lines := strings.SplitN(wordsZH.lines, " ", 2)[0]; width == 80 && !strings.Contains(f.Footer, lines+" ") && !strings.Contains(f.Footer, wordsZH.quit) {
					t.Errorf("%s at %d columns: the footer %q says neither %q nor %q", ch.ID, width, f.Footer, lines, wordsZH.quit)
				}
			}
		}
	}
}

func TestFrameEmptyTerminal(t *testing.T) {
	d := testDeck(t, Options{})
	for _, sz := range []struct{ w, h int }{{0, 0}, {80, 0}, {0, 24}, {-1, -1}} {
		if rows := (Screen{}).Frame(d, sz.w, sz.h).Rows(); len(rows) != 0 {
			t.Errorf("%d × %d: %d rows, want none", sz.w, sz.h, len(rows))
		}
	}
}

func TestFrameCentersText(t *testing.T) {
	d := testDeck(t, Options{})
	f := Screen{}.Frame(d, 140, 10) // text 100 wide: 20 columns each side
	if want := strings.Repeat(" ", 20) + "Deck"; f.Body[0] != want {
		t.Errorf("first row %q, want %q", f.Body[0], want)
	}
}

func TestFitLine(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  string
	}{
		{"fits", "hello", 5, "hello"},
		{"cut with an ellipsis", "hello world", 8, "hello w…"},
		{"wide characters count two", "粘包粘包", 5, "粘包…"},
		{"a wide character does not straddle the edge", "a粘包", 4, "a粘…"},
		{"colours cost nothing and are closed", "\x1b[31mred\x1b[0m text", 8, "\x1b[31mred\x1b[0m text\x1b[0m"},
		{"a cut inside a colour closes it", "\x1b[31mredredred", 4, "\x1b[31mred\x1b[0m…"},
		{"tabs expand to stops of 8", "a\tb", 10, "a       b"},
		{"a tab past the edge cuts", "abcdef\tb", 7, "abcdef…"},
		{"cursor movement is dropped", "a\x1b[2Jb\x1b[5;1Hc", 10, "abc"},
		{"control characters are dropped", "a\rb\x07c", 10, "abc"},
		{"hyperlinks are kept and closed", "\x1b]8;;http://x\x1b\\link", 10, "\x1b]8;;http://x\x1b\\link" + linkEnd},
		{"no room", "abc", 0, ""},
		{"one column", "abc", 1, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitLine(tt.in, tt.width)
			if got != tt.want {
				t.Errorf("fitLine(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
			if w := render.VisibleWidth(got); w > max(tt.width, 0) {
				t.Errorf("fitLine(%q, %d) is %d wide", tt.in, tt.width, w)
			}
		})
	}
}

func TestDeckTextWidth(t *testing.T) {
	tests := []struct {
		opts       Options
		term, want int
	}{
		{Options{}, 80, 80},
		{Options{}, 200, DefaultMaxWidth},
		{Options{}, 0, render.DefaultWidth},
		{Options{}, 30, 30},
		{Options{MaxWidth: 60}, 200, 60},
		{Options{Width: 70}, 200, 70},
		{Options{Width: 70}, 40, 70}, // wider than the terminal: rows are cut
	}
	d := testDeck(t, Options{})
	for _, tt := range tests {
		d.opts = tt.opts
		if got := d.TextWidth(tt.term); got != tt.want {
			t.Errorf("%+v on %d columns: %d, want %d", tt.opts, tt.term, got, tt.want)
		}
	}
}

func TestDeckTranscripts(t *testing.T) {
	views := func(id string) (render.LessonView, bool) {
		return render.LessonView{ID: id, Transcript: "own transcript", Recorded: true}, id == "x/one"
	}
	d := testDeck(t, Options{Lessons: views})
	has := func(s string) bool { return strings.Contains(strings.Join(d.Lines(2, 60), "\n"), s) }
	if !has("own transcript") || !has("Recorded run") {
		t.Error("the view's own recorded transcript is not shown with its caption")
	}
	d.SetTranscript("x/one", "fresh run")
	if !has("fresh run") || has("own transcript") {
		t.Error("SetTranscript does not replace the transcript")
	}
	if has("Recorded run") {
		t.Error("a run made now is captioned as a recorded one")
	}
	d.SetTranscript("x/two", "never shown")
	if has("never shown") {
		t.Error("a transcript of an unknown lesson is shown")
	}
}

func TestNewDeckEmpty(t *testing.T) {
	if _, err := NewDeck("x", []byte("\n\n"), Options{}); err == nil {
		t.Error("NewDeck of a blank document: no error")
	}
}

// TestFooterKeepsTitle checks the keys are shortened before the title is.
func TestFooterKeepsTitle(t *testing.T) {
	var code strings.Builder
	for i := range 40 {
		fmt.Fprintf(&code, "%d\n", i)
	}
	md := "## Nagle's algorithm and SetNoDelay\n\n```lesson x/y\n```\n\n```\n" + code.String() + "```\n"
	d, err := NewDeck("sticky", []byte(md), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		w    int
		want string
	}{
		{120, " sticky 1/1 · Nagle's algorithm and SetNoDelay" + strings.Repeat(" ", 21) + "lines 1-23/45 · ↑↓ scroll · ←→ page · r run · q quit "},
		{80, " sticky 1/1 · Nagle's algorithm and SetNoDelay  lines 1-23/45 · ↑↓ · ←→ · r · q "},
		{70, " sticky 1/1 · Nagle's algorithm and…  lines 1-23/45 · ↑↓ · ←→ · r · q "},
		{50, " sticky 1/1 · Nagle's algorithm a…  lines 1-23/45 "},
		{40, " sticky 1/1 · Nagle's a…  lines 1-23/45 "},
	}
	for _, tt := range tests {
		f := Screen{}.Frame(d, tt.w, 24)
		if f.Footer != tt.want || render.VisibleWidth(f.Footer) != tt.w {
			t.Errorf("%d columns: footer\n%q, want\n%q", tt.w, f.Footer, tt.want)
		}
	}
}
