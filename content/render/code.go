package render

import (
	"fmt"
	"go/scanner"
	"go/token"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"sockbook/content"
	"sockbook/content/i18n"
	"sockbook/content/linediff"
)

// codeIndent is put before every line of a code block.
const codeIndent = "    "

// blockText is the content of a code block, tabs expanded, control
// characters removed and without its final newline.
func blockText(n ast.Node, source []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		b.Write(s.Value(source))
	}
	return strings.TrimRight(sanitize(expandTabs(b.String())), "\n")
}

// codeLines lays out code, never wrapped, highlighted by kind.
func (r *nodeRenderer) codeLines(kind content.FenceKind, text string) []line {
	switch kind {
	case content.FenceGo, content.FenceFragment:
		return highlightGo(text, r.theme)
	case content.FenceShell, content.FenceConsole:
		return shellLines(text, kind, r.theme)
	}
	var lines []line
	for _, t := range strings.Split(text, "\n") {
		lines = append(lines, line{{text: t}})
	}
	return lines
}

func indentLines(lines []line, indent string) []line {
	p := line{{text: indent}}
	return prefixLines(lines, p, p)
}

// highlightGo colours Go source for the terminal: the tokens GoTokens
// finds, each in its theme style, cut into lines.
func highlightGo(src string, th theme) []line {
	var lines []line
	var cur line
	for _, tok := range GoTokens(src) {
		st := tokenStyle(tok.Kind, th)
		for i, part := range strings.Split(tok.Text, "\n") {
			if i > 0 {
				lines = append(lines, cur)
				cur = nil
			}
			cur = appendSeg(cur, seg{text: part, st: st})
		}
	}
	return append(lines, cur)
}

func tokenStyle(k TokenKind, th theme) style {
	switch k {
	case TokenKeyword:
		return th.keyword
	case TokenString:
		return th.str
	case TokenComment:
		return th.comment
	case TokenNumber:
		return th.number
	}
	return style{}
}

// TokenKind is what a piece of highlighted code is.
type TokenKind int

// The kinds of token GoTokens tells apart.
const (
	TokenPlain   TokenKind = iota // names, operators, punctuation, white space
	TokenKeyword                  // func, return, for…
	TokenString                   // string and rune literals
	TokenComment                  // line and block comments
	TokenNumber                   // integer, floating-point and imaginary literals
)

// Token is a piece of source code and its kind.
type Token struct {
	Kind TokenKind
	Text string
}

// GoTokens cuts Go source into the tokens the terminal and the web site
// highlight, with go/scanner: keywords, string and rune literals, comments
// and numbers, and plain text between them. It works on fragments as well
// as whole files, since it only scans tokens, and never fails: the tokens'
// texts joined are src, byte for byte.
func GoTokens(src string) []Token {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var sc scanner.Scanner
	sc.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)

	var out []Token
	put := func(kind TokenKind, text string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Kind == kind {
			out[n-1].Text += text
			return
		}
		out = append(out, Token{Kind: kind, Text: text})
	}
	done := 0
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		var kind TokenKind
		switch {
		case tok.IsKeyword():
			kind = TokenKeyword
		case tok == token.STRING || tok == token.CHAR:
			kind = TokenString
		case tok == token.COMMENT:
			kind = TokenComment
		case tok == token.INT || tok == token.FLOAT || tok == token.IMAG:
			kind = TokenNumber
		default:
			continue
		}
		if lit == "" {
			lit = tok.String()
		}
		start := file.Offset(pos)
		end := min(start+len(lit), len(src))
		if start < done {
			continue
		}
		put(TokenPlain, src[done:start])
		put(kind, src[start:end])
		done = end
	}
	put(TokenPlain, src[done:])
	return out
}

// shellLines lays out a shell or console block. When some line starts with
// the prompt "$ ", prompts and their commands are set apart from output;
// otherwise a shell block is all commands and a console block all output.
func shellLines(src string, kind content.FenceKind, th theme) []line {
	rows := strings.Split(src, "\n")
	prompted := slices.ContainsFunc(rows, func(s string) bool { return strings.HasPrefix(s, "$ ") || s == "$" })
	var lines []line
	for _, row := range rows {
		switch {
		case prompted && (strings.HasPrefix(row, "$ ") || row == "$"):
			lines = append(lines, line{{text: "$ ", st: th.prompt}, {text: strings.TrimPrefix(strings.TrimPrefix(row, "$"), " "), st: th.command}})
		case prompted || kind == content.FenceConsole:
			lines = append(lines, line{{text: row, st: th.output}})
		case strings.HasPrefix(strings.TrimSpace(row), "#"):
			lines = append(lines, line{{text: row, st: th.comment}})
		default:
			lines = append(lines, line{{text: row, st: th.command}})
		}
	}
	return lines
}

// markLines puts each line of a file's code behind a two-column gutter
// that holds its diff mark, "+ " added or "~ " changed, or spaces: the
// code stands where it stands without marks.
func markLines(lines []line, d *FileDiff, th theme) []line {
	out := make([]line, len(lines))
	for i, l := range lines {
		gutter := seg{text: "  "}
		if d != nil && i < len(d.Marks) {
			switch d.Marks[i] {
			case linediff.Added:
				gutter = seg{text: "+ ", st: th.added}
			case linediff.Changed:
				gutter = seg{text: "~ ", st: th.changed}
			}
		}
		out[i] = append(line{gutter}, l...)
	}
	return out
}

// Summary says what a file is compared with and how many of its lines
// differ: "against sticky/sendall-wrong: ~ 9 lines changed, + 13 added,
// 1 removed", or "the same as in sticky/sendall-wrong".
func (d *FileDiff) Summary() string { return d.SummaryIn(i18n.EN) }

// SummaryIn is Summary in lang: in Chinese "对照 sticky/sendall-wrong：
// ~ 改动 9 行，+ 新增 13 行，删除 1 行".
func (d *FileDiff) SummaryIn(lang i18n.Lang) string {
	if lang == i18n.ZH {
		return d.summaryZH()
	}
	if d.Equal() {
		return "the same as in " + d.Against
	}
	added, changed := d.Counts()
	var parts []string
	noun := " lines"
	for _, p := range []struct {
		mark, what string
		n          int
	}{{"~ ", "changed", changed}, {"+ ", "added", added}, {"", "removed", d.Removed}} {
		if p.n == 0 {
			continue
		}
		if p.n == 1 && noun != "" {
			noun = " line"
		}
		parts = append(parts, fmt.Sprintf("%s%d%s %s", p.mark, p.n, noun, p.what))
		noun = ""
	}
	return "against " + d.Against + ": " + strings.Join(parts, ", ")
}

func (d *FileDiff) summaryZH() string {
	if d.Equal() {
		return "与 " + d.Against + " 相同"
	}
	added, changed := d.Counts()
	var parts []string
	for _, p := range []struct {
		mark, what string
		n          int
	}{{"~ ", "改动", changed}, {"+ ", "新增", added}, {"", "删除", d.Removed}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%s%s %d 行", p.mark, p.what, p.n))
		}
	}
	return "对照 " + d.Against + "：" + strings.Join(parts, "，")
}

// recordedCaption stands above a recorded transcript (LessonView.Recorded).
func recordedCaption(lang i18n.Lang) string {
	if lang == i18n.ZH {
		return "录制的运行记录，各方的事件按各自的顺序："
	}
	return "Recorded run, each side's events in order:"
}

// lessonLines draws a lesson block: a box titled with the lesson id that
// holds the title, each file's code under its label (its diff marks in
// a gutter), the command that runs the lesson and the transcript of a
// run, captioned when it is a recorded one.
func (r *nodeRenderer) lessonLines(fence content.Fence) []line {
	th := r.theme
	id := fence.Lesson
	var v LessonView
	ok := false
	if r.opts.Lessons != nil && id != "" {
		v, ok = r.opts.Lessons(id)
	}
	if !ok {
		msg := "!! unknown lesson " + id
		switch {
		case len(fence.Words) < 2:
			msg = "!! lesson block names no lesson"
		case id == "":
			msg = "!! lesson block names more than one lesson: " + strings.Join(fence.Words[1:], " ")
		}
		return []line{{{text: sanitize(msg), st: th.unknown}}}
	}
	if v.ID == "" {
		v.ID = id
	}
	width := r.top().width
	inner := max(width-2, minWidth)

	top := line{{text: "┌─ ", st: th.boxBorder}, {text: v.ID, st: th.boxTitle}}
	top = appendSeg(top, seg{text: " " + strings.Repeat("─", max(width-4-VisibleWidth(v.ID), 1)), st: th.boxBorder})
	out := []line{truncateLine(top, width)}

	var body []line
	if v.Title != "" {
		body = append(body, fill(atomize([]seg{{text: sanitize(v.Title), st: th.boxTitle}}), inner)...)
	}
	for _, f := range v.Files {
		label := f.Path
		if f.Label != "" && f.Path != "" {
			label = f.Label + " — " + f.Path
		} else if f.Label != "" {
			label = f.Label
		}
		if len(body) > 0 {
			body = append(body, nil)
		}
		body = append(body, fill(atomize([]seg{{text: sanitize(label), st: th.fileLabel}}), inner)...)
		if f.Diff != nil {
			body = append(body, fill(atomize([]seg{{text: sanitize(f.Diff.SummaryIn(r.opts.Lang)), st: th.aside}}), inner)...)
		}
		body = append(body, nil)
		kind := content.FencePlain
		if f.Path == "" || strings.HasSuffix(f.Path, ".go") {
			kind = content.FenceGo
		}
		code := strings.TrimRight(sanitize(expandTabs(string(f.Source))), "\n")
		body = append(body, markLines(r.codeLines(kind, code), f.Diff, th)...)
	}
	if v.Command != "" {
		if len(body) > 0 {
			body = append(body, nil)
		}
		body = append(body, line{{text: "$ ", st: th.prompt}, {text: sanitize(v.Command), st: th.command}})
	}
	if t := strings.TrimRight(v.Transcript, "\n"); t != "" {
		if len(body) > 0 {
			body = append(body, nil)
		}
		if v.Recorded {
			body = append(body, fill(atomize([]seg{{text: recordedCaption(r.opts.Lang), st: th.aside}}), inner)...)
		}
		for _, row := range strings.Split(t, "\n") {
			body = append(body, line{{text: row, raw: true}})
		}
	}
	bar := line{{text: "│ ", st: th.boxBorder}}
	out = append(out, prefixLines(body, bar, bar)...)
	return append(out, line{{text: "└" + strings.Repeat("─", width-1), st: th.boxBorder}})
}
