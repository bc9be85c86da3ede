// Package transcript prints a run's events for people and machines: both
// programs interleaved in time order, in two columns, as plain lines for
// files and diffs, or as JSON lines.
package transcript

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/fatih/color"

	"sockbook/runner/event"
)

// Layout is a way to print a transcript.
type Layout string

// The layouts.
const (
	Interleaved Layout = "interleaved" // one line per event, with time and side
	Columns     Layout = "columns"     // server on the left, client on the right
	Plain       Layout = "plain"       // "side: text", no times: for files and diffs
	JSON        Layout = "json"        // one JSON object per event
)

// Layouts lists the layouts, the default first.
func Layouts() []Layout { return []Layout{Interleaved, Columns, Plain, JSON} }

// ParseLayout returns the layout with the given name.
func ParseLayout(s string) (Layout, error) {
	for _, l := range Layouts() {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown layout %q (want interleaved, columns, plain or json)", s)
}

// Options say how to print.
type Options struct {
	Layout Layout
	// Color adds colours; without it the output holds no escape codes.
	Color bool
	// Width is the terminal's width in columns (80 when zero).
	Width int
	// Wire shows socket events (reads, writes, accepts…), not only output.
	Wire bool
	// Times shows each event's time; Plain never does.
	Times bool
}

// Printer prints events one at a time, as they come.
type Printer struct {
	w    io.Writer
	opts Options
	pal  palette
}

// NewPrinter returns a printer writing to w.
func NewPrinter(w io.Writer, opts Options) *Printer {
	if opts.Width <= 0 {
		opts.Width = 80
	}
	if opts.Layout == "" {
		opts.Layout = Interleaved
	}
	return &Printer{w: w, opts: opts, pal: newPalette(opts.Color)}
}

// Print writes a whole transcript.
func Print(w io.Writer, events []event.Event, opts Options) error {
	p := NewPrinter(w, opts)
	for _, ev := range events {
		if err := p.Event(ev); err != nil {
			return err
		}
	}
	return nil
}

// Shown reports whether an event appears in a transcript with these options.
func Shown(ev event.Event, opts Options) bool {
	switch {
	case ev.Kind == event.Waiting:
		return false
	case opts.Layout == JSON:
		return true
	case ev.Kind.IsSocket():
		return opts.Wire
	case ev.Kind == event.Start:
		return false
	}
	return true
}

// Event prints one event.
func (p *Printer) Event(ev event.Event) error {
	if !Shown(ev, p.opts) {
		return nil
	}
	var err error
	switch p.opts.Layout {
	case JSON:
		err = p.json(ev)
	case Columns:
		err = p.columns(ev)
	case Plain:
		_, err = fmt.Fprintf(p.w, "%s: %s\n", ev.Side, p.describe(ev))
	default:
		err = p.interleaved(ev)
	}
	if err != nil {
		return fmt.Errorf("print transcript: %w", err)
	}
	return nil
}

// jsonEvent is the shape of one line of the JSON layout.
type jsonEvent struct {
	T float64 `json:"t"`
	event.Event
}

func (p *Printer) json(ev event.Event) error {
	b, err := json.Marshal(jsonEvent{T: ev.Time.Seconds(), Event: ev})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(p.w, "%s\n", b)
	return err
}

// Describe is the one-line text of an event, without side or time.
func Describe(ev event.Event) string {
	quoted := func() string { return "\"" + ev.Text + "\"" }
	switch ev.Kind {
	case event.Stdout:
		return ev.Text
	case event.Stderr:
		return ev.Text
	case event.Stdin:
		return "< " + ev.Text
	case event.Listen:
		return "● listen " + ev.Text
	case event.Accept:
		return fmt.Sprintf("● accept #%d from %s", ev.Conn, ev.Peer)
	case event.Dial:
		return fmt.Sprintf("● dial #%d %s", ev.Conn, ev.Text)
	case event.Read:
		return fmt.Sprintf("← read #%d %s %s", ev.Conn, byteCount(ev.Bytes), quoted())
	case event.Write:
		return fmt.Sprintf("→ write #%d %s %s", ev.Conn, byteCount(ev.Bytes), quoted())
	case event.ReadFrom:
		return fmt.Sprintf("← readfrom %s %s %s", ev.Peer, byteCount(ev.Bytes), quoted())
	case event.WriteTo:
		return fmt.Sprintf("→ writeto %s %s %s", ev.Peer, byteCount(ev.Bytes), quoted())
	case event.Close:
		if ev.Conn > 0 {
			return fmt.Sprintf("● close #%d", ev.Conn)
		}
		return "● close " + ev.Text
	case event.CloseWrite:
		return fmt.Sprintf("● closewrite #%d (FIN sent)", ev.Conn)
	case event.SockError:
		if ev.Conn > 0 {
			return fmt.Sprintf("✖ %s #%d: %s", ev.Text, ev.Conn, ev.Err)
		}
		return fmt.Sprintf("✖ %s: %s", ev.Text, ev.Err)
	case event.Fault:
		return "≈ " + ev.Text
	case event.Exit:
		return "■ " + ev.Text
	case event.Failure:
		return "✘ " + ev.Text
	case event.Note:
		return "ℹ " + ev.Text
	}
	return ev.Text
}

func byteCount(n int) string {
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// gutter is the interleaved layout's left part: time and side.
func (p *Printer) gutter(ev event.Event) string {
	side := fmt.Sprintf("%-6s", ev.Side)
	if p.opts.Times {
		return fmt.Sprintf("%8s %s │ ", seconds(ev.Time), side)
	}
	return side + " │ "
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3fs", d.Seconds()) }

// describe is Describe for the human layouts: without escape codes when
// colour is off, since a program's output may hold its own.
func (p *Printer) describe(ev event.Event) string {
	if p.opts.Color {
		return Describe(ev)
	}
	return ansi.Strip(Describe(ev))
}

func (p *Printer) interleaved(ev event.Event) error {
	g := p.gutter(ev)
	gw := ansi.StringWidth(g)
	lines := wrapLines(p.describe(ev), p.opts.Width-gw)
	for i, line := range lines {
		prefix := g
		if i > 0 {
			prefix = strings.Repeat(" ", gw-2) + "│ "
		}
		if _, err := fmt.Fprintf(p.w, "%s%s\n", p.pal.side(ev.Side, prefix), p.pal.text(ev, line)); err != nil {
			return err
		}
	}
	return nil
}

// columns prints the server's events on the left and the client's on the
// right; the runner's and the network's span the middle.
func (p *Printer) columns(ev event.Event) error {
	timeW := 0
	if p.opts.Times {
		timeW = 9
	}
	col := (p.opts.Width - timeW - 3) / 2
	if col < 10 {
		col = 10
	}
	t := ""
	if p.opts.Times {
		t = fmt.Sprintf("%8s ", seconds(ev.Time))
	}
	text := p.describe(ev)
	switch ev.Side {
	case event.Server, event.Client:
		lines := wrapLines(text, col)
		for _, line := range lines {
			cell := p.pal.text(ev, line) + strings.Repeat(" ", max(0, col-ansi.StringWidth(line)))
			blank := strings.Repeat(" ", col)
			left, right := cell, ""
			if ev.Side == event.Client {
				left, right = blank, p.pal.text(ev, line)
			}
			if _, err := fmt.Fprintf(p.w, "%s%s %s %s\n", t, left, p.pal.side(ev.Side, "│"), right); err != nil {
				return err
			}
			t = strings.Repeat(" ", timeW)
		}
		return nil
	}
	for _, line := range wrapLines(string(ev.Side)+": "+text, p.opts.Width-timeW) {
		if _, err := fmt.Fprintf(p.w, "%s%s\n", t, p.pal.text(ev, line)); err != nil {
			return err
		}
		t = strings.Repeat(" ", timeW)
	}
	return nil
}

// Header returns the columns layout's heading line.
func Header(opts Options) string {
	if opts.Layout != Columns {
		return ""
	}
	width := opts.Width
	if width <= 0 {
		width = 80
	}
	timeW := 0
	if opts.Times {
		timeW = 9
	}
	col := max(10, (width-timeW-3)/2)
	return strings.Repeat(" ", timeW) + fmt.Sprintf("%-*s │ %s", col, "server", "client")
}

// wrapLines keeps text's own line breaks and wraps each line.
func wrapLines(text string, width int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		out = append(out, wrap(expandTabs(line), width)...)
	}
	return out
}

// wrap cuts a line of text into lines of at most width columns (8 at
// least), as measured by ansi.StringWidth: at spaces and hyphens where it
// can (ansi.Wordwrap), and inside a word wider than a line (ansi.Hardwrap).
// Escape codes are kept. A line that wraps loses the spaces at its breaks.
func wrap(text string, width int) []string {
	width = max(width, 8)
	if ansi.StringWidth(text) <= width {
		return []string{text}
	}
	var lines []string
	for i, l := range strings.Split(ansi.Hardwrap(ansi.Wordwrap(text, width, ""), width, true), "\n") {
		l = strings.TrimRight(l, " ")
		if i > 0 {
			l = strings.TrimLeft(l, " ")
		}
		if l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// expandTabs replaces each tab with the spaces up to the next multiple of
// 8 columns, counted from the start of line: a terminal would count from
// its left edge, which the transcript's gutter has moved.
func expandTabs(line string) string {
	if !strings.Contains(line, "\t") {
		return line
	}
	var b strings.Builder
	col := 0
	for i, part := range strings.Split(line, "\t") {
		if i > 0 {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
		}
		b.WriteString(part)
		col += ansi.StringWidth(part)
	}
	return b.String()
}

// palette colours the parts of a transcript.
type palette struct {
	server, client, runner, net, errs, fail, wire, dim *color.Color
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		server: mk(color.FgCyan, color.Bold),
		client: mk(color.FgMagenta, color.Bold),
		runner: mk(color.FgWhite, color.Bold),
		net:    mk(color.FgYellow, color.Bold),
		errs:   mk(color.FgRed),
		fail:   mk(color.FgRed, color.Bold),
		wire:   mk(color.FgBlue),
		dim:    mk(color.Faint),
	}
}

func (p palette) side(s event.Side, text string) string {
	switch s {
	case event.Server:
		return p.server.Sprint(text)
	case event.Client:
		return p.client.Sprint(text)
	case event.Net:
		return p.net.Sprint(text)
	}
	return p.runner.Sprint(text)
}

func (p palette) text(ev event.Event, text string) string {
	switch {
	case ev.Kind == event.Failure, ev.Kind == event.SockError:
		return p.fail.Sprint(text)
	case ev.Kind == event.Stderr:
		return p.errs.Sprint(text)
	case ev.Kind == event.Fault:
		return p.net.Sprint(text)
	case ev.Kind.IsSocket():
		return p.wire.Sprint(text)
	case ev.Kind == event.Exit, ev.Kind == event.Note, ev.Kind == event.Stdin:
		return p.dim.Sprint(text)
	}
	return text
}
