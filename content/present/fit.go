package present

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// sgrReset ends every colour and attribute.
const sgrReset = "\x1b[0m"

// linkEnd closes an OSC 8 hyperlink.
const linkEnd = "\x1b]8;;\x1b\\"

// fitLine returns line cut to at most width visible columns, ending in
// "…" when something was cut. It keeps only colour (SGR) and hyperlink
// (OSC 8) escape sequences, drops other escapes and control characters
// that would move the cursor and bytes that are not UTF-8, expands tabs (stops every 8 columns), and
// ends any colour or hyperlink it leaves open, so that one row of the
// screen never leaks into the next.
func fitLine(line string, width int) string {
	if width <= 0 {
		return ""
	}
	if out, ok := clip(line, width); ok {
		return out
	}
	out, _ := clip(line, width-1)
	return out + "…"
}

// clip copies line as fitLine describes, up to limit columns, and
// reports whether all of it fitted. ansi.DecodeSequence cuts line into
// escape sequences, control characters and grapheme clusters with their
// widths.
func clip(line string, limit int) (string, bool) {
	var b strings.Builder
	p := newSeqParser()
	col := 0
	styled, linked := false, false
	for rest := line; rest != ""; {
		seq, w, n, _ := ansi.DecodeSequence(rest, ansi.NormalState, p)
		if n <= 0 { // not expected; guards against looping forever
			seq, w, n = rest[:1], 0, 1
		}
		rest = rest[n:]
		switch {
		case seq[0] == ansi.ESC:
			switch {
			case isSGR(seq, p):
				b.WriteString(seq)
				styled = true
			case isLink(seq, p):
				b.WriteString(seq)
				linked = seq != linkEnd && seq != ansi.ResetHyperlink()
			}
			continue
		case seq == "\t":
			next := (col/8 + 1) * 8
			if next > limit {
				return closeOpen(&b, styled, linked), false
			}
			b.WriteString(strings.Repeat(" ", next-col))
			col = next
			continue
		case isControl(seq):
			continue
		}
		if col+w > limit {
			return closeOpen(&b, styled, linked), false
		}
		b.WriteString(seq)
		col += w
	}
	return closeOpen(&b, styled, linked), true
}

// closeOpen ends the hyperlink and the colour b leaves open and returns
// what b holds.
func closeOpen(b *strings.Builder, styled, linked bool) string {
	if linked {
		b.WriteString(linkEnd)
	}
	if styled {
		b.WriteString(sgrReset)
	}
	return b.String()
}

// newSeqParser returns a parser that records the command of each escape
// sequence ansi.DecodeSequence reads. It keeps only a few bytes of a
// sequence's data: enough for the number of an OSC command.
func newSeqParser() *ansi.Parser {
	var p ansi.Parser
	p.SetParamsSize(32)
	p.SetDataSize(8)
	return &p
}

// isSGR reports whether seq, just decoded with p, is a CSI sequence that
// sets colours or attributes (ESC [ … m).
func isSGR(seq string, p *ansi.Parser) bool {
	return strings.HasPrefix(seq, "\x1b[") && ansi.Cmd(p.Command()) == 'm'
}

// isLink reports whether seq, just decoded with p, is a whole OSC 8
// hyperlink sequence, ended by BEL or ST (the decoder also returns
// sequences that were cut short).
func isLink(seq string, p *ansi.Parser) bool {
	return strings.HasPrefix(seq, "\x1b]") && p.Command() == 8 &&
		(strings.HasSuffix(seq, "\a") || strings.HasSuffix(seq, "\x1b\\"))
}

// isControl reports whether seq is a control character (C0, DEL or C1),
// or a stray byte that is not UTF-8: neither should reach the terminal.
func isControl(seq string) bool {
	r, size := utf8.DecodeRuneInString(seq)
	return unicode.IsControl(r) || r == utf8.RuneError && size <= 1
}
