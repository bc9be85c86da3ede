package site

import (
	"html"
	"slices"
	"strings"

	"github.com/yuin/goldmark/util"
)

// sides are the sides a transcript line may belong to, as the transcript
// names them in its gutter; each is a CSS class.
var sides = []string{"server", "client", "runner", "net"}

// failMarks start the text of an event that reports a failure or a socket
// error; such a line gets the class "fail".
var failMarks = []string{"✘ ", "✖ "}

// transcriptLine is one line of a transcript, cut at its gutter.
type transcriptLine struct {
	// gutter is the line's start up to and including the bar and the
	// space after it ("server │ "), or "" for a line without one.
	gutter string
	// text is the rest of the line.
	text string
	// side is the side the line belongs to, or "" when it is not known.
	side string
	// fail reports whether the line belongs to a failure or a socket error.
	fail bool
}

// parseTranscript cuts a transcript into lines and gives each its side:
// the word before the bar, or, for a wrapped event's further lines (only
// spaces before the bar), the side of the line above.
func parseTranscript(text string) []transcriptLine {
	var out []transcriptLine
	side, fail := "", false
	for _, row := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		bar := strings.Index(row, "│")
		if bar < 0 {
			out = append(out, transcriptLine{text: row})
			side, fail = "", false
			continue
		}
		end := bar + len("│")
		if strings.HasPrefix(row[end:], " ") {
			end++
		}
		l := transcriptLine{gutter: row[:end], text: row[end:]}
		if words := strings.Fields(row[:bar]); len(words) > 0 {
			side, fail = "", false
			if w := words[len(words)-1]; slices.Contains(sides, w) {
				side = w
			}
			for _, m := range failMarks {
				fail = fail || strings.HasPrefix(l.text, m)
			}
		}
		l.side, l.fail = side, fail
		out = append(out, l)
	}
	return out
}

// writeTranscript writes a transcript as <pre class="transcript">, each
// line of a known side in a <span class="SIDE">, its gutter in a
// <span class="gutter">. The text of the <pre> is the transcript's.
func writeTranscript(w util.BufWriter, text string) {
	w.WriteString(`<pre class="transcript">`)
	for _, l := range parseTranscript(text) {
		if l.side == "" {
			w.WriteString(html.EscapeString(l.gutter + l.text))
			w.WriteString("\n")
			continue
		}
		class := l.side
		if l.fail {
			class += " fail"
		}
		w.WriteString(`<span class="` + class + `"><span class="gutter">` + html.EscapeString(l.gutter) + `</span>` +
			html.EscapeString(l.text) + "</span>\n")
	}
	w.WriteString("</pre>\n")
}
