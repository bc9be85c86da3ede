package present

import (
	"strings"
	"unicode/utf8"

	"sockbook/content/render"
)

const escByte = 0x1b

// sgrReset ends every colour and attribute.
const sgrReset = "\x1b[0m"

// linkEnd closes an OSC 8 hyperlink.
const linkEnd = "\x1b]8;;\x1b\\"

// fitLine returns line cut to at most width visible columns, ending in
// "…" when something was cut. It keeps only colour (SGR) and hyperlink
// (OSC 8) escape sequences, drops other escapes and control characters
// that would move the cursor, expands tabs (stops every 8 columns), and
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
// reports whether all of it fitted.
func clip(line string, limit int) (string, bool) {
	var b strings.Builder
	col := 0
	styled, linked, whole := false, false, true
scan:
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == escByte:
			n := escapeLen(line, i)
			seq := line[i : i+n]
			switch {
			case isSGR(seq):
				b.WriteString(seq)
				styled = true
			case isLink(seq):
				b.WriteString(seq)
				linked = seq != linkEnd && seq != "\x1b]8;;\x07"
			}
			i += n
			continue
		case c == '\t':
			next := (col/8 + 1) * 8
			if next > limit {
				whole = false
				break scan
			}
			b.WriteString(strings.Repeat(" ", next-col))
			col = next
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			i += size
			continue
		}
		w := render.VisibleWidth(line[i : i+size])
		if col+w > limit {
			whole = false
			break scan
		}
		b.WriteString(line[i : i+size])
		col += w
		i += size
	}
	if linked {
		b.WriteString(linkEnd)
	}
	if styled {
		b.WriteString(sgrReset)
	}
	return b.String(), whole
}

// isSGR reports whether seq is a CSI sequence that sets colours or
// attributes (ESC [ … m).
func isSGR(seq string) bool {
	if len(seq) < 3 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for _, c := range []byte(seq[2 : len(seq)-1]) {
		if (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// isLink reports whether seq is an OSC 8 hyperlink sequence.
func isLink(seq string) bool {
	return strings.HasPrefix(seq, "\x1b]8;")
}

// escapeLen returns the length in bytes of the escape sequence that
// starts at s[i] (which is ESC): a CSI sequence (ESC [ … final byte), an
// OSC sequence (ESC ] … BEL or ESC \), or ESC and one more character.
// It reads sequences as render.VisibleWidth does.
func escapeLen(s string, i int) int {
	if i+1 >= len(s) {
		return 1
	}
	switch s[i+1] {
	case '[':
		for j := i + 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j - i + 1
			}
		}
		return len(s) - i
	case ']':
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j - i + 1
			}
			if s[j] == escByte && j+1 < len(s) && s[j+1] == '\\' {
				return j - i + 2
			}
		}
		return len(s) - i
	}
	_, size := utf8.DecodeRuneInString(s[i+1:])
	return 1 + size
}
