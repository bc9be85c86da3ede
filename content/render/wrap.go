package render

import (
	"strings"
	"unicode/utf8"
)

// seg is a run of text in one style. A raw seg holds pre-rendered text
// (escape codes included) that is inserted as it is; a hard seg marks a
// hard line break inside a paragraph; the spaces of a keep seg (inline
// code) do not break lines.
type seg struct {
	text string
	st   style
	raw  bool
	hard bool
	keep bool
}

// line is one output line, as styled runs of plain text.
type line []seg

func (l line) width() int {
	w := 0
	for _, s := range l {
		w += VisibleWidth(s.text)
	}
	return w
}

func (l line) plain() string {
	var b strings.Builder
	for _, s := range l {
		b.WriteString(s.text)
	}
	return b.String()
}

// trimRight drops trailing spaces, which are invisible but would make
// lines differ in diffs and overflow narrow terminals.
func (l line) trimRight() line {
	for len(l) > 0 {
		last := l[len(l)-1]
		if last.raw {
			return l
		}
		t := strings.TrimRight(last.text, " ")
		if t != "" {
			out := append(line(nil), l[:len(l)-1]...)
			return append(out, seg{text: t, st: last.st})
		}
		l = l[:len(l)-1]
	}
	return l
}

// appendSeg adds s to l, merging it into the last run when they share a
// style.
func appendSeg(l line, s seg) line {
	if s.text == "" {
		return l
	}
	if n := len(l); n > 0 && !l[n-1].raw && !s.raw && l[n-1].st == s.st {
		out := append(line(nil), l[:n-1]...)
		return append(out, seg{text: l[n-1].text + s.text, st: s.st})
	}
	return append(l, s)
}

// Wrap breaks text into lines of at most width columns. Newlines in text
// are kept; a run of spaces is a break opportunity and becomes one space;
// a line may also break next to a wide (CJK) character without a space,
// following the line-breaking rules of Chinese and Japanese (see
// breakBetween); a word wider than width is cut across lines. Wrap works
// on plain text: escape sequences are removed first (colour the lines
// afterwards).
func Wrap(text string, width int) []string {
	var items []seg
	for i, part := range strings.Split(StripANSI(text), "\n") {
		if i > 0 {
			items = append(items, seg{hard: true})
		}
		items = append(items, seg{text: part})
	}
	var out []string
	for _, l := range fill(atomize(items), width) {
		out = append(out, l.plain())
	}
	return out
}

// atom is a piece of a paragraph that is never broken across lines unless
// it alone is wider than the line: a word, one wide character with the
// punctuation that may not be parted from it, or a code span.
type atom struct {
	segs       line
	width      int
	space      bool // a space separates it from the atom before
	spaceStyle style
	hard       bool // a hard line break rather than text
}

// add appends the grapheme cluster g, w columns wide, in style st.
func (a *atom) add(g string, w int, st style) {
	a.segs = appendSeg(a.segs, seg{text: g, st: st})
	a.width += w
}

// atomize cuts styled text into atoms at spaces, soft and hard breaks and
// the boundaries of wide characters, wherever breakBetween allows a break.
// A space is not a break opportunity either when it follows opening
// punctuation or comes before closing punctuation: it stays inside the
// atom, so that "（ x" or "x ）" is not parted at the line's end.
func atomize(items []seg) []atom {
	var atoms []atom
	var cur atom
	pendingSpace := false
	var spaceStyle style
	// The grapheme before, its width and whether it is part of a code
	// span, while it belongs to cur.
	last, lastW, lastKeep := "", 0, false
	flush := func() {
		if len(cur.segs) > 0 {
			atoms = append(atoms, cur)
		}
		cur = atom{}
		last = ""
	}
	for _, it := range items {
		if it.hard {
			flush()
			atoms = append(atoms, atom{hard: true})
			pendingSpace = false
			continue
		}
		text := it.text
		if it.raw {
			text = StripANSI(text)
		}
		for g, w := range graphemes(text) {
			if isSpace(g, it.keep) {
				if !pendingSpace {
					spaceStyle = it.st
				}
				pendingSpace = true
				continue
			}
			if r, _ := utf8.DecodeRuneInString(g); isControl(r) {
				continue // control characters never reach the terminal
			}
			switch {
			case len(cur.segs) == 0:
			case pendingSpace && glueOverSpace(last, g):
				cur.add(" ", 1, spaceStyle)
				pendingSpace = false
			case pendingSpace:
				flush()
			case lastKeep && it.keep:
				// inside a code span
			case breakBetween(last, lastW, g, w):
				flush()
			}
			if len(cur.segs) == 0 {
				prevHard := len(atoms) == 0 || atoms[len(atoms)-1].hard
				cur.space = pendingSpace && !prevHard
				cur.spaceStyle = spaceStyle
				pendingSpace = false
			}
			cur.add(g, w, it.st)
			last, lastW, lastKeep = g, w, it.keep
		}
	}
	flush()
	return atoms
}

// isSpace reports whether grapheme g is white space that breaks a line:
// a space (unless keep), a tab or a line ending.
func isSpace(g string, keep bool) bool {
	switch g {
	case "\t", "\n", "\r", "\r\n":
		return true
	case " ":
		return !keep
	}
	return false
}

// breakBetween reports whether a line may break between graphemes a and
// b, aw and bw columns wide, when no space separates them. Text without
// wide characters breaks only at spaces; next to a wide (CJK) character a
// line may break anywhere, as Chinese and Japanese are set, except where
// the line-breaking rules (kinsoku) forbid it: no line may start with
// closing punctuation (noLineStart), none may end with opening punctuation
// (noLineEnd), and a doubled dash or ellipsis ("——", "……") stays whole.
func breakBetween(a string, aw int, b string, bw int) bool {
	if aw < 2 && bw < 2 {
		return false
	}
	end, _ := utf8.DecodeLastRuneInString(a)
	start, _ := utf8.DecodeRuneInString(b)
	if end == start && strings.ContainsRune(inseparable, end) {
		return false
	}
	return !strings.ContainsRune(noLineStart, start) && !strings.ContainsRune(noLineEnd, end)
}

// glueOverSpace reports whether the space between graphemes a and b is
// kept inside one atom: after opening punctuation or before closing
// punctuation, where a break would leave the punctuation alone at a
// line's end or start.
func glueOverSpace(a, b string) bool {
	end, _ := utf8.DecodeLastRuneInString(a)
	start, _ := utf8.DecodeRuneInString(b)
	return strings.ContainsRune(noLineEnd, end) || strings.ContainsRune(noLineStart, start)
}

// The line-breaking rules of Chinese and Japanese (GB/T 15834, JIS X 4051,
// W3C's clreq and jlreq), for the characters a terminal shows.
const (
	// noLineStart may not start a line: closing brackets and quotes,
	// stops, commas, colons, semicolons, question and exclamation marks,
	// middle dots, the ellipsis, iteration marks, the prolonged sound mark
	// and small kana, and signs that follow a number.
	noLineStart = ",.;:!?)]}%" +
		"’”»" +
		"、。，．：；！？）］｝〕〉》」』】〙〗〟｠" +
		"·・‧…‥" +
		"ヽヾゝゞ々〻ー" +
		"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" +
		"％‰℃°"
	// noLineEnd may not end a line: opening brackets and quotes.
	noLineEnd = "([{" +
		"‘“«" +
		"（［｛〔〈《「『【〘〖〝｟"
	// inseparable are the characters that are doubled in Chinese text
	// ("——" the dash, "……" the ellipsis) and never split.
	inseparable = "—…‥"
)

// fill lays atoms out in lines of at most width columns.
func fill(atoms []atom, width int) []line {
	if width < 1 {
		width = 1
	}
	var lines []line
	var cur line
	curW, empty := 0, true
	emit := func() {
		lines = append(lines, cur)
		cur, curW, empty = nil, 0, true
	}
	for _, a := range atoms {
		if a.hard {
			emit()
			continue
		}
		if !empty {
			need := a.width
			if a.space {
				need++
			}
			if curW+need <= width {
				if a.space {
					cur = appendSeg(cur, seg{text: " ", st: a.spaceStyle})
					curW++
				}
				for _, s := range a.segs {
					cur = appendSeg(cur, s)
				}
				curW += a.width
				continue
			}
			emit()
		}
		for a.width > width {
			var head line
			head, a = splitAtom(a, width)
			lines = append(lines, head)
		}
		cur, curW, empty = append(line(nil), a.segs...), a.width, false
	}
	if !empty {
		emit()
	}
	return lines
}

// splitAtom cuts the first width columns (at least one character) off a.
func splitAtom(a atom, width int) (line, atom) {
	var head line
	rest := atom{}
	w := 0
	full := false
	for _, s := range a.segs {
		for g, gw := range graphemes(s.text) {
			if !full && (w+gw <= width || w == 0) {
				head = appendSeg(head, seg{text: g, st: s.st})
				w += gw
				continue
			}
			full = true
			rest.add(g, gw, s.st)
		}
	}
	return head, rest
}

// truncateLine shortens l to at most width columns, ending it with "…" in
// the style of the text it replaces.
func truncateLine(l line, width int) line {
	if l.width() <= width {
		return l
	}
	if width <= 0 {
		return nil
	}
	var out line
	w := 0
	var lastStyle style
	for _, s := range l {
		lastStyle = s.st
		for g, gw := range graphemes(s.text) {
			if w+gw > width-1 {
				return appendSeg(out, seg{text: "…", st: lastStyle})
			}
			out = appendSeg(out, seg{text: g, st: s.st})
			w += gw
		}
	}
	return appendSeg(out, seg{text: "…", st: lastStyle})
}

// sanitize removes control characters (escape codes among them) from text
// that comes from the document, so plain output never holds an ESC byte.
func sanitize(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isControl(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// expandTabs replaces tabs with spaces up to the next multiple of tabWidth
// columns.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	for i, ln := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		col := 0
		for j, part := range strings.Split(ln, "\t") {
			if j > 0 {
				n := tabWidth - col%tabWidth
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
			b.WriteString(part)
			col += VisibleWidth(part)
		}
	}
	return b.String()
}

const tabWidth = 4
