package render

import (
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
)

// minColumn is the narrowest a column is shrunk to when a table is wider
// than the page.
const minColumn = 3

// tableBuild collects a table's cells while it is rendered.
type tableBuild struct {
	aligns []east.Alignment
	rows   [][]line
	cells  []line
	// header reports whether rows[0] is the header row.
	header bool
}

// layout draws the table: columns as wide as their widest cell, separated
// by " │ ", the header underlined. When that is wider than width, the
// widest columns are narrowed first, one column at a time, and cells that
// no longer fit end with "…".
func (t *tableBuild) layout(width int, th theme) []line {
	cols := 0
	for _, row := range t.rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return nil
	}
	widths := make([]int, cols)
	for _, row := range t.rows {
		for i, cell := range row {
			widths[i] = max(widths[i], cell.width())
		}
	}
	const sep = " │ "
	shrinkColumns(widths, width-len([]rune(sep))*(cols-1))

	var out []line
	for ri, row := range t.rows {
		var l line
		for i := range cols {
			if i > 0 {
				l = append(l, seg{text: sep, st: th.tableBorder})
			}
			var cell line
			if i < len(row) {
				cell = truncateLine(row[i], widths[i])
			}
			if ri == 0 && t.header {
				cell = restyle(cell, th.tableHeader)
			}
			l = append(l, t.align(cell, widths[i], i)...)
		}
		out = append(out, l)
		if ri == 0 && t.header {
			parts := make([]string, cols)
			for i, w := range widths {
				parts[i] = strings.Repeat("─", w)
			}
			out = append(out, line{{text: strings.Join(parts, "─┼─"), st: th.tableBorder}})
		}
	}
	return out
}

// align pads cell to width as column col's alignment says.
func (t *tableBuild) align(cell line, width, col int) line {
	pad := max(width-cell.width(), 0)
	left := 0
	if col < len(t.aligns) {
		switch t.aligns[col] {
		case east.AlignRight:
			left = pad
		case east.AlignCenter:
			left = pad / 2
		}
	}
	out := line{{text: strings.Repeat(" ", left)}}
	out = append(out, cell...)
	return append(out, seg{text: strings.Repeat(" ", pad-left)})
}

// shrinkColumns narrows the widest column, one column at a time, until the
// columns fit in avail or every column is down to minColumn.
func shrinkColumns(widths []int, avail int) {
	total := 0
	for _, w := range widths {
		total += w
	}
	for total > avail {
		widest := 0
		for i, w := range widths {
			if w > widths[widest] {
				widest = i
			}
		}
		if widths[widest] <= minColumn {
			return
		}
		widths[widest]--
		total--
	}
}

// restyle lays st over every run of l.
func restyle(l line, st style) line {
	out := make(line, len(l))
	for i, s := range l {
		s.st = s.st.with(st)
		out[i] = s
	}
	return out
}
