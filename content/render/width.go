package render

import (
	"iter"

	"github.com/charmbracelet/x/ansi"
)

// VisibleWidth reports how many terminal columns s takes, as
// ansi.StringWidth measures it: escape sequences and control characters
// count 0, and each grapheme cluster counts its display width (2 for East
// Asian wide and fullwidth characters and for emoji, 0 for a lone
// combining mark).
func VisibleWidth(s string) int { return ansi.StringWidth(s) }

// StripANSI returns s without its ANSI escape sequences (colours, cursor
// movement, OSC hyperlinks), as ansi.Strip does.
func StripANSI(s string) string { return ansi.Strip(s) }

// Truncate shortens s to at most width columns, ending it with "…" when
// something was cut. Text that fits is returned unchanged.
func Truncate(s string, width int) string { return ansi.Truncate(s, width, "…") }

// graphemes yields the grapheme clusters of plain text s (text without
// escape sequences), each with the number of columns it takes.
func graphemes(s string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for s != "" {
			g, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
			if g == "" { // not expected; guards against looping forever
				g, w = s[:1], 0
			}
			if !yield(g, w) {
				return
			}
			s = s[len(g):]
		}
	}
}
