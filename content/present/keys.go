package present

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// escByte is ESC, which starts an escape sequence or is the Escape key.
const escByte = 0x1b

// Key is one key press. A printable key is its character, such as "q" or
// "G"; other keys have the names below.
type Key string

// The keys that are not printable characters.
const (
	KeyNone      Key = ""          // no key: Update only re-fits the screen
	KeyUp        Key = "up"        // ↑
	KeyDown      Key = "down"      // ↓
	KeyLeft      Key = "left"      // ←
	KeyRight     Key = "right"     // →
	KeyPgUp      Key = "pgup"      // Page Up
	KeyPgDn      Key = "pgdn"      // Page Down
	KeyHome      Key = "home"      // Home
	KeyEnd       Key = "end"       // End
	KeyInsert    Key = "insert"    // Insert
	KeyDelete    Key = "delete"    // Delete
	KeySpace     Key = "space"     // the space bar
	KeyEnter     Key = "enter"     // Return or Enter
	KeyTab       Key = "tab"       // Tab
	KeyBackspace Key = "backspace" // Backspace (DEL or ^H)
	KeyEsc       Key = "esc"       // Escape, followed by a key that is not part of a sequence
	KeyCtrlC     Key = "ctrl+c"    // Ctrl-C, which raw mode delivers as a byte
	KeyCtrlD     Key = "ctrl+d"    // Ctrl-D, end of input on a terminal
	KeyUnknown   Key = "unknown"   // a control key or escape sequence with no meaning here
)

// DecodeKeys decodes the bytes a terminal in raw mode sends for key
// presses: characters in UTF-8, control bytes, and the escape sequences
// of arrows, Page Up/Down, Home/End, Insert and Delete in their CSI
// ("ESC [") and SS3 ("ESC O") forms, with or without modifiers. The
// bytes at the end that begin a sequence or a character but do not
// complete it are returned as rest, to be decoded with what arrives next
// (a slow link may cut a sequence in two). So is an ESC at the end, which
// may begin a sequence; an ESC followed by anything that cannot continue
// one is the Escape key.
func DecodeKeys(b []byte) (keys []Key, rest []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == escByte:
			k, n := decodeEscape(b[i:])
			if n == 0 {
				return keys, b[i:]
			}
			keys = append(keys, k)
			i += n
			continue
		case c == 3:
			keys = append(keys, KeyCtrlC)
		case c == 4:
			keys = append(keys, KeyCtrlD)
		case c == '\r' || c == '\n':
			keys = append(keys, KeyEnter)
		case c == '\t':
			keys = append(keys, KeyTab)
		case c == 0x7f || c == 0x08:
			keys = append(keys, KeyBackspace)
		case c == ' ':
			keys = append(keys, KeySpace)
		case c < 0x20:
			keys = append(keys, KeyUnknown)
		default:
			if !utf8.FullRune(b[i:]) {
				return keys, b[i:]
			}
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError || (r >= 0x80 && r < 0xa0) {
				keys = append(keys, KeyUnknown)
			} else {
				keys = append(keys, Key(string(r)))
			}
			i += size
			continue
		}
		i++
	}
	return keys, nil
}

// maxSequence bounds an escape sequence: a longer run without a final
// byte is not a key and is dropped.
const maxSequence = 32

// decodeEscape decodes the escape sequence at the start of b (b[0] is
// ESC) and returns the key and the bytes it took, or n == 0 when b ends
// before the sequence does.
func decodeEscape(b []byte) (k Key, n int) {
	if len(b) == 1 {
		return KeyNone, 0
	}
	switch b[1] {
	case '[':
		for j := 2; j < len(b); j++ {
			if b[j] >= 0x40 && b[j] <= 0x7e {
				return csiKey(string(b[2:j]), b[j]), j + 1
			}
			if b[j] < 0x20 || j >= maxSequence {
				return KeyUnknown, j
			}
		}
		if len(b) >= maxSequence {
			return KeyUnknown, len(b)
		}
		return KeyNone, 0
	case 'O':
		if len(b) < 3 {
			return KeyNone, 0
		}
		return ss3Key(b[2]), 3
	}
	return KeyEsc, 1
}

// csiKey names the key a CSI sequence with the given parameters and
// final byte stands for.
func csiKey(params string, final byte) Key {
	switch final {
	case 'A', 'B', 'C', 'D', 'H', 'F':
		return ss3Key(final)
	case '~':
		num, _, _ := strings.Cut(params, ";")
		n, err := strconv.Atoi(num)
		if err != nil {
			return KeyUnknown
		}
		switch n {
		case 1, 7:
			return KeyHome
		case 2:
			return KeyInsert
		case 3:
			return KeyDelete
		case 4, 8:
			return KeyEnd
		case 5:
			return KeyPgUp
		case 6:
			return KeyPgDn
		}
	}
	return KeyUnknown
}

// ss3Key names the key of an SS3 sequence's final byte (the same letters
// CSI uses for arrows, Home and End).
func ss3Key(final byte) Key {
	switch final {
	case 'A':
		return KeyUp
	case 'B':
		return KeyDown
	case 'C':
		return KeyRight
	case 'D':
		return KeyLeft
	case 'H':
		return KeyHome
	case 'F':
		return KeyEnd
	}
	return KeyUnknown
}
