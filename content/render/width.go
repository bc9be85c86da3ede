package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// VisibleWidth reports how many terminal columns s takes: ANSI escape
// sequences count 0, combining marks and control characters 0, East Asian
// wide and fullwidth characters (CJK, Hangul, kana, fullwidth forms, most
// emoji) 2, everything else 1.
func VisibleWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		if s[i] == esc {
			i += escapeLen(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w += runeWidth(r)
		i += size
	}
	return w
}

// StripANSI returns s without its ANSI escape sequences (colours, cursor
// movement, OSC hyperlinks).
func StripANSI(s string) string {
	if strings.IndexByte(s, esc) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == esc {
			i += escapeLen(s, i)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// Truncate shortens plain text s to at most width columns, ending it with
// "…" when something was cut. Text that fits is returned unchanged.
func Truncate(s string, width int) string {
	if VisibleWidth(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > width-1 {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	b.WriteString("…")
	return b.String()
}

const esc = 0x1b

// escapeLen returns the length in bytes of the escape sequence that starts
// at s[i] (which is ESC): a CSI sequence (ESC [ … final byte), an OSC
// sequence (ESC ] … BEL or ESC \), or ESC and one more byte.
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
			if s[j] == esc && j+1 < len(s) && s[j+1] == '\\' {
				return j - i + 2
			}
		}
		return len(s) - i
	}
	_, size := utf8.DecodeRuneInString(s[i+1:])
	return 1 + size
}

// runeWidth returns the number of columns a terminal gives r.
func runeWidth(r rune) int {
	switch {
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return 0
	case r < 0x300:
		return 1
	case r >= 0x1160 && r <= 0x11ff: // Hangul medial vowels and final consonants
		return 0
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case inRanges(r, wideRanges):
		return 2
	}
	return 1
}

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

func inRanges(r rune, table []runeRange) bool {
	lo, hi := 0, len(table)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < table[m].lo:
			hi = m
		case r > table[m].hi:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// wideRanges lists, in order, the code points Unicode's East Asian Width
// property calls Wide or Fullwidth. Unassigned code points inside the CJK
// blocks are counted wide too, as terminals do.
var wideRanges = []runeRange{
	{0x1100, 0x115f}, // Hangul Jamo initial consonants
	{0x231a, 0x231b}, {0x2329, 0x232a}, {0x23e9, 0x23ec}, {0x23f0, 0x23f0},
	{0x23f3, 0x23f3}, {0x25fd, 0x25fe}, {0x2614, 0x2615}, {0x2648, 0x2653},
	{0x267f, 0x267f}, {0x2693, 0x2693}, {0x26a1, 0x26a1}, {0x26aa, 0x26ab},
	{0x26bd, 0x26be}, {0x26c4, 0x26c5}, {0x26ce, 0x26ce}, {0x26d4, 0x26d4},
	{0x26ea, 0x26ea}, {0x26f2, 0x26f3}, {0x26f5, 0x26f5}, {0x26fa, 0x26fa},
	{0x26fd, 0x26fd}, {0x2705, 0x2705}, {0x270a, 0x270b}, {0x2728, 0x2728},
	{0x274c, 0x274c}, {0x274e, 0x274e}, {0x2753, 0x2755}, {0x2757, 0x2757},
	{0x2795, 0x2797}, {0x27b0, 0x27b0}, {0x27bf, 0x27bf}, {0x2b1b, 0x2b1c},
	{0x2b50, 0x2b50}, {0x2b55, 0x2b55},
	{0x2e80, 0x303e},   // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
	{0x3041, 0x33ff},   // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, enclosed CJK, CJK compatibility
	{0x3400, 0x4dbf},   // CJK extension A
	{0x4e00, 0xa4cf},   // CJK unified ideographs, Yi
	{0xa960, 0xa97f},   // Hangul Jamo extended A
	{0xac00, 0xd7a3},   // Hangul syllables
	{0xf900, 0xfaff},   // CJK compatibility ideographs
	{0xfe10, 0xfe19},   // vertical forms
	{0xfe30, 0xfe6f},   // CJK compatibility forms, small form variants
	{0xff00, 0xff60},   // fullwidth forms
	{0xffe0, 0xffe6},   // fullwidth signs
	{0x16fe0, 0x16fe4}, // ideographic symbols
	{0x17000, 0x18cff}, // Tangut, Khitan
	{0x1b000, 0x1b2ff}, // kana supplement and extensions, Nushu
	{0x1f004, 0x1f004}, {0x1f0cf, 0x1f0cf}, {0x1f18e, 0x1f18e}, {0x1f191, 0x1f19a},
	{0x1f200, 0x1f2ff}, // enclosed ideographic supplement
	{0x1f300, 0x1f320}, {0x1f32d, 0x1f335}, {0x1f337, 0x1f37c}, {0x1f37e, 0x1f393},
	{0x1f3a0, 0x1f3ca}, {0x1f3cf, 0x1f3d3}, {0x1f3e0, 0x1f3f0}, {0x1f3f4, 0x1f3f4},
	{0x1f3f8, 0x1f43e}, {0x1f440, 0x1f440}, {0x1f442, 0x1f4fc}, {0x1f4ff, 0x1f53d},
	{0x1f54b, 0x1f54e}, {0x1f550, 0x1f567}, {0x1f57a, 0x1f57a}, {0x1f595, 0x1f596},
	{0x1f5a4, 0x1f5a4}, {0x1f5fb, 0x1f64f}, {0x1f680, 0x1f6c5}, {0x1f6cc, 0x1f6cc},
	{0x1f6d0, 0x1f6d2}, {0x1f6d5, 0x1f6d7}, {0x1f6eb, 0x1f6ec}, {0x1f6f4, 0x1f6fc},
	{0x1f7e0, 0x1f7eb}, {0x1f90c, 0x1f93a}, {0x1f93c, 0x1f945}, {0x1f947, 0x1f9ff},
	{0x1fa70, 0x1faff}, // symbols and pictographs extended A
	{0x20000, 0x2fffd}, // CJK extensions B to F, compatibility supplement
	{0x30000, 0x3fffd}, // CJK extensions G and H
}
