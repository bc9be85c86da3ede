package render

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"sockbook/content"
)

// minWidth is the narrowest a nested block is laid out, however deep it
// sits; deeper nesting than the width allows overflows instead.
const minWidth = 10

// frame collects the lines of one container block (the document, a block
// quote, a list, a list item) while its children are rendered.
type frame struct {
	width  int
	lines  []line
	blocks int
	// tight puts no blank line between child blocks (tight lists).
	tight bool
	// callout is set for a block quote that opens with a label.
	callout *callout
	// list is set for a list.
	list *listState
	// marker is the marker of a list item.
	marker string
}

// callout is a labelled block quote: its label, colour and the strong
// node that holds the label in the source.
type callout struct {
	label string
	st    style
	node  ast.Node
}

// listState numbers or bullets the items of one list.
type listState struct {
	ordered     bool
	next        int
	delim       byte
	bullet      string
	markerWidth int
}

// nodeRenderer is the goldmark node renderer. It lives for one Render
// call: the walk fills frames with lines and the document's exit writes
// them out.
type nodeRenderer struct {
	opts    Options
	theme   theme
	painter *painter

	frames []*frame
	// inline collects the runs of the leaf block being rendered.
	inline []seg
	// styles is the stack of inline styles (emphasis, links, headings).
	styles []style
	// linkStarts remembers where each open link's text began in inline.
	linkStarts []int
	// table collects the cells of the table being rendered.
	table *tableBuild
	// stripLabel drops the ":" (or "：") and spaces that follow a
	// call-out label.
	stripLabel bool
}

func newNodeRenderer(opts Options) *nodeRenderer {
	if opts.Width <= 0 {
		opts.Width = DefaultWidth
	}
	return &nodeRenderer{opts: opts, theme: defaultTheme(), painter: newPainter(opts.Color)}
}

// RegisterFuncs registers one function per node kind.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	// blocks
	reg.Register(ast.KindDocument, r.renderDocument)
	reg.Register(ast.KindHeading, r.renderHeading)
	reg.Register(ast.KindParagraph, r.renderParagraph)
	reg.Register(ast.KindTextBlock, r.renderParagraph)
	reg.Register(ast.KindThematicBreak, r.renderThematicBreak)
	reg.Register(ast.KindBlockquote, r.renderBlockquote)
	reg.Register(ast.KindList, r.renderList)
	reg.Register(ast.KindListItem, r.renderListItem)
	reg.Register(ast.KindCodeBlock, r.renderCodeBlock)
	reg.Register(ast.KindFencedCodeBlock, r.renderFencedCodeBlock)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(east.KindTable, r.renderTable)
	reg.Register(east.KindTableHeader, r.renderTableRow)
	reg.Register(east.KindTableRow, r.renderTableRow)
	reg.Register(east.KindTableCell, r.renderTableCell)
	// inlines
	reg.Register(ast.KindText, r.renderText)
	reg.Register(ast.KindString, r.renderString)
	reg.Register(ast.KindCodeSpan, r.renderCodeSpan)
	reg.Register(ast.KindEmphasis, r.renderEmphasis)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
}

// --- frames -------------------------------------------------------------

func (r *nodeRenderer) top() *frame { return r.frames[len(r.frames)-1] }

func (r *nodeRenderer) push(f *frame) { r.frames = append(r.frames, f) }

func (r *nodeRenderer) pop() *frame {
	f := r.top()
	r.frames = r.frames[:len(r.frames)-1]
	return f
}

// innerWidth is the width left inside the current frame after a prefix of
// the given width.
func (r *nodeRenderer) innerWidth(prefix int) int {
	return max(r.top().width-prefix, minWidth)
}

// addBlock appends a finished block to the current frame, with a blank
// line before it unless it is the first block or the frame is tight.
func (r *nodeRenderer) addBlock(lines []line) {
	if len(lines) == 0 {
		return
	}
	f := r.top()
	if f.blocks > 0 && !f.tight {
		f.lines = append(f.lines, nil)
	}
	f.lines = append(f.lines, lines...)
	f.blocks++
}

// prefixLines puts first before the first line and rest before the others;
// an empty line gets the prefix without its trailing spaces.
func prefixLines(lines []line, first, rest line) []line {
	out := make([]line, 0, len(lines))
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if len(l) == 0 {
			out = append(out, p.trimRight())
			continue
		}
		out = append(out, append(append(line(nil), p...), l...))
	}
	return out
}

// --- inline runs ----------------------------------------------------------

func (r *nodeRenderer) pushStyle(s style) { r.styles = append(r.styles, s) }

func (r *nodeRenderer) popStyle() {
	if len(r.styles) > 0 {
		r.styles = r.styles[:len(r.styles)-1]
	}
}

// current is the style the open inline nodes give to text.
func (r *nodeRenderer) current() style {
	var s style
	for _, o := range r.styles {
		s = s.with(o)
	}
	return s
}

// emit appends a run to the leaf block being rendered.
func (r *nodeRenderer) emit(text string, st style) {
	r.stripLabel = false
	r.inline = append(r.inline, seg{text: sanitize(text), st: st})
}

// emitText appends document text in the current style, dropping what
// follows a call-out label up to the first word.
func (r *nodeRenderer) emitText(text string) {
	if r.stripLabel {
		text = strings.TrimLeft(text, ":： \t\n")
		if text == "" {
			return
		}
	}
	r.emit(text, r.current())
}

func (r *nodeRenderer) leafStart() { r.inline = nil }

// --- blocks -------------------------------------------------------------

func (r *nodeRenderer) renderDocument(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.frames = []*frame{{width: r.opts.Width}}
		return ast.WalkContinue, nil
	}
	for _, l := range r.pop().lines {
		if _, err := w.WriteString(r.painter.line(l.trimRight()) + "\n"); err != nil {
			return ast.WalkStop, fmt.Errorf("write rendered line: %w", err)
		}
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderHeading(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	st := r.theme.h3
	switch n.Level {
	case 1:
		st = r.theme.h1
	case 2:
		st = r.theme.h2
	}
	if entering {
		r.leafStart()
		r.pushStyle(st)
		return ast.WalkContinue, nil
	}
	r.popStyle()
	width := r.top().width
	if n.Level > 2 {
		// "▸ " marks levels 3 and below, with a hanging indent.
		body := fill(atomize(r.inline), max(width-2, 1))
		r.addBlock(prefixLines(body, line{{text: "▸ ", st: st}}, line{{text: "  "}}))
		return ast.WalkContinue, nil
	}
	// Levels 1 and 2 are underlined with a rule as wide as the text.
	lines := fill(atomize(r.inline), width)
	ruleWidth := 0
	for _, l := range lines {
		ruleWidth = max(ruleWidth, l.width())
	}
	rule := "═"
	if n.Level == 2 {
		rule = "─"
	}
	lines = append(lines, line{{text: strings.Repeat(rule, ruleWidth), st: st}})
	r.addBlock(lines)
	return ast.WalkContinue, nil
}

// renderParagraph renders paragraphs and the text blocks of tight lists.
func (r *nodeRenderer) renderParagraph(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.leafStart()
		return ast.WalkContinue, nil
	}
	r.addBlock(fill(atomize(r.inline), r.top().width))
	r.inline = nil
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderThematicBreak(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.addBlock([]line{{{text: strings.Repeat("─", r.top().width), st: r.theme.rule}}})
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderBlockquote(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.push(&frame{width: r.innerWidth(2), callout: r.detectCallout(node, source)})
		return ast.WalkContinue, nil
	}
	f := r.pop()
	bar := r.theme.quoteBar
	lines := f.lines
	if c := f.callout; c != nil {
		bar = c.st
		bar.bold = false
		lines = append([]line{{{text: c.label, st: c.st}}}, lines...)
	}
	prefix := line{{text: "│ ", st: bar}}
	r.addBlock(prefixLines(lines, prefix, prefix))
	return ast.WalkContinue, nil
}

// detectCallout reports the call-out a block quote opens with: its first
// paragraph must start with strong text reading Note, Tip, Pitfall or
// Warning, or in a Chinese chapter 注意, 提示, 陷阱 or 警告 (a trailing
// colon, inside or after, is allowed: ":" or "：").
func (r *nodeRenderer) detectCallout(quote ast.Node, source []byte) *callout {
	p, ok := quote.FirstChild().(*ast.Paragraph)
	if !ok {
		return nil
	}
	em, ok := p.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return nil
	}
	label := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(content.PlainText(em, source)), ":："))
	kinds := []struct {
		labels []string // English, then Chinese
		st     style
	}{
		{[]string{"Note", "注意"}, r.theme.note}, {[]string{"Tip", "提示"}, r.theme.tip},
		{[]string{"Pitfall", "陷阱"}, r.theme.pitfall}, {[]string{"Warning", "警告"}, r.theme.warning},
	}
	for _, k := range kinds {
		for _, l := range k.labels {
			if strings.EqualFold(label, l) {
				return &callout{label: l, st: k.st, node: em}
			}
		}
	}
	return nil
}

func (r *nodeRenderer) renderList(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.List)
	if !entering {
		r.addBlock(r.pop().lines)
		return ast.WalkContinue, nil
	}
	ls := &listState{ordered: n.IsOrdered(), next: n.Start, delim: n.Marker}
	if ls.ordered {
		last := n.Start + n.ChildCount() - 1
		ls.markerWidth = max(len(fmt.Sprint(n.Start)), len(fmt.Sprint(last))) + 1
	} else {
		bullets := []string{"•", "◦", "▪"}
		ls.bullet = bullets[listDepth(n)%len(bullets)]
		ls.markerWidth = 1
	}
	r.push(&frame{width: r.top().width, tight: n.IsTight, list: ls})
	return ast.WalkContinue, nil
}

// listDepth counts the lists n is nested in.
func listDepth(n ast.Node) int {
	d := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindList {
			d++
		}
	}
	return d
}

func (r *nodeRenderer) renderListItem(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		lf := r.top()
		ls := lf.list
		marker := ls.bullet
		if ls.ordered {
			marker = fmt.Sprintf("%*d%c", ls.markerWidth-1, ls.next, ls.delim)
			ls.next++
		}
		r.push(&frame{width: r.innerWidth(ls.markerWidth + 1), tight: lf.tight, marker: marker})
		return ast.WalkContinue, nil
	}
	f := r.pop()
	lines := f.lines
	if len(lines) == 0 {
		lines = []line{nil}
	}
	// The hanging indent: wrapped and following lines line up with the
	// text after the marker.
	first := line{{text: f.marker, st: r.theme.bullet}, {text: " "}}
	rest := line{{text: strings.Repeat(" ", VisibleWidth(f.marker)+1)}}
	r.addBlock(prefixLines(lines, first, rest))
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderCodeBlock(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.addBlock(indentLines(r.codeLines(content.FencePlain, blockText(node, source)), codeIndent))
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderFencedCodeBlock(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	fence := content.ParseFence(content.InfoString(n, source))
	if fence.Kind == content.FenceLesson {
		r.addBlock(r.lessonLines(fence))
		return ast.WalkSkipChildren, nil
	}
	r.addBlock(indentLines(r.codeLines(fence.Kind, blockText(n, source)), codeIndent))
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderHTMLBlock(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(source))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(source))
	}
	text := strings.TrimRight(b.String(), "\n")
	if strings.HasPrefix(strings.TrimSpace(text), "<!--") {
		return ast.WalkSkipChildren, nil // comments are notes for authors
	}
	var lines []line
	for _, t := range strings.Split(sanitize(expandTabs(text)), "\n") {
		lines = append(lines, line{{text: t, st: r.theme.rawHTML}})
	}
	r.addBlock(lines)
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderTable(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.table = &tableBuild{aligns: node.(*east.Table).Alignments}
		return ast.WalkContinue, nil
	}
	r.addBlock(r.table.layout(r.top().width, r.theme))
	r.table = nil
	return ast.WalkContinue, nil
}

// renderTableRow renders the header row and the body rows.
func (r *nodeRenderer) renderTableRow(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.table.cells = nil
		return ast.WalkContinue, nil
	}
	r.table.rows = append(r.table.rows, r.table.cells)
	if node.Kind() == east.KindTableHeader {
		r.table.header = true
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderTableCell(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.leafStart()
		return ast.WalkContinue, nil
	}
	// A cell is one line: its text is joined, never wrapped.
	var cell line
	for i, l := range fill(atomize(r.inline), 1<<30) {
		if i > 0 {
			cell = appendSeg(cell, seg{text: " "})
		}
		for _, s := range l {
			cell = appendSeg(cell, s)
		}
	}
	r.table.cells = append(r.table.cells, cell)
	r.inline = nil
	return ast.WalkContinue, nil
}

// --- inlines ------------------------------------------------------------

func (r *nodeRenderer) renderText(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(source)
	if n.IsRaw() {
		r.emitText(string(value))
	} else {
		r.emitText(content.Unescape(value))
	}
	switch {
	case n.HardLineBreak() && len(r.inline) > 0:
		// A hard break before any text (after a call-out label) is dropped.
		r.inline = append(r.inline, seg{hard: true})
	case n.SoftLineBreak():
		r.emitText(" ")
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderString(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.String)
	if n.IsCode() || n.IsRaw() {
		r.emitText(string(n.Value))
	} else {
		r.emitText(content.Unescape(n.Value))
	}
	return ast.WalkContinue, nil
}

// renderCodeSpan keeps the backticks in both modes, so plain and coloured
// output wrap alike; with colour the ticks are faint and the code coloured.
// A code span and its ticks are never broken, neither at spaces nor
// between wide characters (only when it is wider than a whole line).
func (r *nodeRenderer) renderCodeSpan(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var b strings.Builder
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
		case *ast.String:
			b.Write(t.Value)
		}
	}
	code := strings.ReplaceAll(b.String(), "\n", " ")
	st := r.current()
	r.emit("`", st.with(r.theme.codeTick))
	r.emit(code, st.with(r.theme.code))
	r.emit("`", st.with(r.theme.codeTick))
	for i := len(r.inline) - 3; i < len(r.inline); i++ {
		r.inline[i].keep = true
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderEmphasis(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		r.popStyle()
		return ast.WalkContinue, nil
	}
	if c := r.top().callout; c != nil && c.node == node {
		// The call-out's label is drawn by the block quote.
		r.pushStyle(style{})
		r.stripLabel = true
		return ast.WalkSkipChildren, nil
	}
	if node.(*ast.Emphasis).Level >= 2 {
		r.pushStyle(r.theme.strong)
	} else {
		r.pushStyle(r.theme.emphasis)
	}
	return ast.WalkContinue, nil
}

// renderLink shows the link text, then the destination in parentheses
// unless the text already is the destination.
func (r *nodeRenderer) renderLink(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.pushStyle(r.theme.link)
		r.linkStarts = append(r.linkStarts, len(r.inline))
		return ast.WalkContinue, nil
	}
	start := r.linkStarts[len(r.linkStarts)-1]
	r.linkStarts = r.linkStarts[:len(r.linkStarts)-1]
	var text strings.Builder
	for _, s := range r.inline[start:] {
		text.WriteString(s.text)
	}
	dest := string(node.(*ast.Link).Destination)
	switch t := strings.TrimSpace(text.String()); {
	case dest == "" || t == dest:
		r.popStyle()
	case t == "":
		r.emit(dest, r.current())
		r.popStyle()
	default:
		r.popStyle()
		r.emit(" ", r.current())
		r.emit("("+dest+")", r.current().with(r.theme.url))
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderAutoLink(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.emit(string(node.(*ast.AutoLink).Label(source)), r.current().with(r.theme.link))
	}
	return ast.WalkSkipChildren, nil
}

// renderImage shows an image as "[image: alt] (destination)".
func (r *nodeRenderer) renderImage(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.emit("[image: ", r.current().with(r.theme.imageMark))
		r.pushStyle(r.theme.emphasis)
		return ast.WalkContinue, nil
	}
	r.popStyle()
	r.emit("]", r.current().with(r.theme.imageMark))
	if dest := string(node.(*ast.Image).Destination); dest != "" {
		r.emit(" ", r.current())
		r.emit("("+dest+")", r.current().with(r.theme.url))
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderRawHTML(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.RawHTML)
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		s := n.Segments.At(i)
		b.Write(s.Value(source))
	}
	if html := b.String(); !strings.HasPrefix(html, "<!--") {
		r.emit(html, r.current().with(r.theme.rawHTML))
	}
	return ast.WalkSkipChildren, nil
}
