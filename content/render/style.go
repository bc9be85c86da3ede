package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/fatih/color"
)

// style is how one run of text looks. The zero style is plain text.
type style struct {
	fg        color.Attribute
	bold      bool
	italic    bool
	underline bool
	faint     bool
}

// with returns s with o laid over it: o's colour wins when it has one, and
// the attributes add up.
func (s style) with(o style) style {
	if o.fg != 0 {
		s.fg = o.fg
	}
	s.bold = s.bold || o.bold
	s.italic = s.italic || o.italic
	s.underline = s.underline || o.underline
	s.faint = s.faint || o.faint
	return s
}

func (s style) attributes() []color.Attribute {
	var a []color.Attribute
	if s.bold {
		a = append(a, color.Bold)
	}
	if s.faint {
		a = append(a, color.Faint)
	}
	if s.italic {
		a = append(a, color.Italic)
	}
	if s.underline {
		a = append(a, color.Underline)
	}
	if s.fg != 0 {
		a = append(a, s.fg)
	}
	return a
}

// theme names the style of each kind of text the renderer draws.
type theme struct {
	h1, h2, h3         style
	emphasis, strong   style
	code, codeTick     style
	link, url          style
	quoteBar           style
	bullet             style
	rule               style
	tableHeader        style
	tableBorder        style
	keyword, str       style
	comment, number    style
	prompt, command    style
	output             style
	boxBorder          style
	boxTitle           style
	fileLabel          style
	added, changed     style
	aside              style // diff notes, captions
	unknown            style
	note, tip          style
	pitfall, warning   style
	imageMark, rawHTML style
}

func defaultTheme() theme {
	return theme{
		h1:          style{fg: color.FgHiMagenta, bold: true},
		h2:          style{fg: color.FgCyan, bold: true},
		h3:          style{bold: true},
		emphasis:    style{italic: true},
		strong:      style{bold: true},
		code:        style{fg: color.FgYellow},
		codeTick:    style{faint: true},
		link:        style{fg: color.FgBlue, underline: true},
		url:         style{faint: true},
		quoteBar:    style{faint: true},
		bullet:      style{fg: color.FgCyan},
		rule:        style{faint: true},
		tableHeader: style{bold: true},
		tableBorder: style{faint: true},
		keyword:     style{fg: color.FgMagenta},
		str:         style{fg: color.FgGreen},
		comment:     style{fg: color.FgHiBlack, italic: true},
		number:      style{fg: color.FgCyan},
		prompt:      style{fg: color.FgGreen, bold: true},
		command:     style{bold: true},
		output:      style{},
		boxBorder:   style{fg: color.FgCyan},
		boxTitle:    style{bold: true},
		fileLabel:   style{fg: color.FgYellow, bold: true},
		added:       style{fg: color.FgGreen, bold: true},
		changed:     style{fg: color.FgYellow, bold: true},
		aside:       style{italic: true},
		unknown:     style{fg: color.FgRed, bold: true},
		note:        style{fg: color.FgBlue, bold: true},
		tip:         style{fg: color.FgGreen, bold: true},
		pitfall:     style{fg: color.FgRed, bold: true},
		warning:     style{fg: color.FgYellow, bold: true},
		imageMark:   style{faint: true},
		rawHTML:     style{faint: true},
	}
}

// painter turns styled runs into text, with escape codes only when colour
// is on. Each run is coloured on its own and ends with a reset, so no
// colour spans two runs or two lines.
type painter struct {
	enabled bool
	cache   map[style]*color.Color
}

func newPainter(enabled bool) *painter {
	return &painter{enabled: enabled, cache: map[style]*color.Color{}}
}

func (p *painter) colour(s style) *color.Color {
	if c, ok := p.cache[s]; ok {
		return c
	}
	c := color.New(s.attributes()...)
	if p.enabled {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	p.cache[s] = c
	return c
}

// line renders one line: runs of the same style are merged, then each is
// coloured on its own. Raw runs (pre-rendered transcript text) pass through
// unchanged when colour is on and lose their escape codes when it is off.
func (p *painter) line(l line) string {
	var b strings.Builder
	for i := 0; i < len(l); {
		sg := l[i]
		if sg.raw {
			if p.enabled {
				b.WriteString(sg.text)
				if strings.IndexByte(sg.text, ansi.ESC) >= 0 && !strings.HasSuffix(sg.text, "\x1b[0m") {
					b.WriteString("\x1b[0m")
				}
			} else {
				b.WriteString(sanitize(StripANSI(sg.text)))
			}
			i++
			continue
		}
		text := sg.text
		j := i + 1
		for j < len(l) && !l[j].raw && l[j].st == sg.st {
			text += l[j].text
			j++
		}
		i = j
		if sg.st == (style{}) || strings.TrimSpace(text) == "" && !sg.st.underline {
			b.WriteString(text)
			continue
		}
		b.WriteString(p.colour(sg.st).Sprint(text))
	}
	return b.String()
}
