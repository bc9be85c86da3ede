package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// A mutant is a reference solution with one mechanical change.
type mutant struct {
	ID       string // stable: exercise/function/operator/hash, see mutantID
	Exercise string
	Func     string // the function the change is in; "package" outside any
	Op       string // the operator, one of operators
	Line     int    // the line of the change in the reference
	Before   string // the changed lines of the reference, spaces collapsed
	After    string // the same lines in the mutant
	Source   []byte // the whole mutated file
}

// The operators, each a kind of mistake a learner makes.
const (
	opDelete       = "delete-statement"
	opDropClose    = "drop-close"
	opDropDeadline = "drop-deadline"
	opDropLimit    = "drop-limit-check"
	opNegate       = "negate-condition"
	opIncrement    = "constant+1"
	opDecrement    = "constant-1"
	opRelational   = "relational" // < <-> <=, > <-> >=
	opEquality     = "equality"   // == <-> !=
	opOneRead      = "readfull-to-read"
	opEndian       = "byte-order" // BigEndian <-> LittleEndian
	opBranch       = "break-continue"
)

// edit replaces the bytes [start, end) of the source with text.
type edit struct {
	op         string
	start, end int
	text       string
}

// mutants returns every mutant of src, the reference solution of
// exercise, in source order. Mutants that would not compile are left out.
func mutants(exercise string, src []byte) ([]mutant, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("mutate %s: %w", exercise, err)
	}
	tf := fset.File(file.Pos())
	off := func(p token.Pos) int { return tf.Offset(p) }
	text := func(n ast.Node) string { return string(src[off(n.Pos()):off(n.End())]) }

	type located struct {
		edit
		fn string
	}
	var edits []located
	add := func(fn, op string, start, end token.Pos, repl string) {
		edits = append(edits, located{edit{op, off(start), off(end), repl}, fn})
	}
	for _, decl := range file.Decls {
		fn := "package"
		if fd, ok := decl.(*ast.FuncDecl); ok {
			fn = funcName(fd)
		}
		ast.Inspect(decl, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BlockStmt:
				for _, s := range n.List {
					add(fn, deletion(s), s.Pos(), s.End(), "")
				}
			case *ast.CaseClause:
				for _, s := range n.Body {
					add(fn, deletion(s), s.Pos(), s.End(), "")
				}
			case *ast.CommClause:
				for _, s := range n.Body {
					add(fn, deletion(s), s.Pos(), s.End(), "")
				}
			case *ast.IfStmt:
				add(fn, opNegate, n.Cond.Pos(), n.Cond.End(), "!("+text(n.Cond)+")")
			case *ast.ForStmt:
				if n.Cond != nil {
					add(fn, opNegate, n.Cond.Pos(), n.Cond.End(), "!("+text(n.Cond)+")")
				}
			case *ast.SwitchStmt:
				if n.Tag == nil {
					for _, c := range n.Body.List {
						for _, e := range c.(*ast.CaseClause).List {
							add(fn, opNegate, e.Pos(), e.End(), "!("+text(e)+")")
						}
					}
				}
			case *ast.BasicLit:
				if plus, minus, ok := plusMinusOne(n); ok {
					add(fn, opIncrement, n.Pos(), n.End(), plus)
					add(fn, opDecrement, n.Pos(), n.End(), minus)
				}
			case *ast.BinaryExpr:
				if to, op, ok := swapOperator(n.Op); ok {
					add(fn, op, n.OpPos, n.OpPos+token.Pos(len(n.Op.String())), to)
				}
			case *ast.CallExpr:
				if isCall(n, "io", "ReadFull") && len(n.Args) == 2 {
					add(fn, opOneRead, n.Pos(), n.End(), receiver(n.Args[0], text)+".Read("+text(n.Args[1])+")")
				}
				if isCall(n, "io", "LimitReader") && len(n.Args) == 2 {
					add(fn, opDropLimit, n.Pos(), n.End(), text(n.Args[0]))
				}
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "binary" {
					switch n.Sel.Name {
					case "BigEndian":
						add(fn, opEndian, n.Sel.Pos(), n.Sel.End(), "LittleEndian")
					case "LittleEndian":
						add(fn, opEndian, n.Sel.Pos(), n.Sel.End(), "BigEndian")
					}
				}
			case *ast.BranchStmt:
				switch n.Tok {
				case token.BREAK:
					add(fn, opBranch, n.TokPos, n.TokPos+token.Pos(len("break")), "continue")
				case token.CONTINUE:
					add(fn, opBranch, n.TokPos, n.TokPos+token.Pos(len("continue")), "break")
				}
			}
			return true
		})
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })

	var out []mutant
	seen := make(map[string]int)
	check := newTypeChecker()
	for _, e := range edits {
		m := apply(exercise, src, e.edit, tf)
		m.Func = e.fn
		// Numbered before the ones that do not compile are left out, so
		// that a mutant's number does not hang on another's compiling.
		base := mutantID(m)
		seen[base]++
		m.ID = base
		if n := seen[base]; n > 1 {
			m.ID = fmt.Sprintf("%s-%d", base, n)
		}
		if check.compiles(m.Source) {
			out = append(out, m)
		}
	}
	return out, nil
}

// mutantID names a mutant by what it changes, not where: a line moved by
// an edit elsewhere in the file keeps its mutants' ids.
func mutantID(m mutant) string {
	sum := sha256.Sum256([]byte(m.Before + "\n" + m.After))
	return fmt.Sprintf("%s/%s/%s/%s", m.Exercise, m.Func, m.Op, hex.EncodeToString(sum[:4]))
}

// apply makes the mutant of src that e describes.
func apply(exercise string, src []byte, e edit, tf *token.File) mutant {
	out := make([]byte, 0, len(src)+len(e.text))
	out = append(out, src[:e.start]...)
	out = append(out, e.text...)
	out = append(out, src[e.end:]...)
	// The changed lines: from the start of e.start's line to the end of
	// e.end's line, before and after.
	lineStart := strings.LastIndexByte(string(src[:e.start]), '\n') + 1
	lineEnd := len(src)
	if i := strings.IndexByte(string(src[e.end:]), '\n'); i >= 0 {
		lineEnd = e.end + i
	}
	before := string(src[lineStart:lineEnd])
	after := string(src[lineStart:e.start]) + e.text + string(src[e.end:lineEnd])
	return mutant{
		Exercise: exercise,
		Op:       e.op,
		Line:     tf.Line(tf.Pos(e.start)),
		Before:   collapse(before),
		After:    collapse(after),
		Source:   out,
	}
}

// collapse joins lines and runs of spaces into single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// funcName is a function's name, Type.Method for a method.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// deletion names the operator that deleting s is an instance of: dropping
// a Close, a deadline or a limit check, or deleting any other statement.
func deletion(s ast.Stmt) string {
	var call *ast.CallExpr
	switch s := s.(type) {
	case *ast.ExprStmt:
		call, _ = s.X.(*ast.CallExpr)
	case *ast.DeferStmt:
		call = s.Call
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			call, _ = s.Rhs[0].(*ast.CallExpr)
		}
	case *ast.IfStmt:
		if isLimitCheck(s) {
			return opDropLimit
		}
		if a, ok := s.Init.(*ast.AssignStmt); ok && len(a.Rhs) == 1 {
			call, _ = a.Rhs[0].(*ast.CallExpr)
		}
	}
	if call != nil {
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			switch sel.Sel.Name {
			case "Close":
				return opDropClose
			case "SetDeadline", "SetReadDeadline", "SetWriteDeadline":
				return opDropDeadline
			}
		}
	}
	return opDelete
}

// isLimitCheck reports whether s is an if statement that compares sizes
// (<, <=, >, >=) and leaves what it is doing when the comparison holds:
// "if n > maxFrame { return ... }".
func isLimitCheck(s *ast.IfStmt) bool {
	relational := false
	ast.Inspect(s.Cond, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok {
			switch b.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				relational = true
			}
		}
		return !relational
	})
	if !relational || len(s.Body.List) == 0 {
		return false
	}
	switch s.Body.List[len(s.Body.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	}
	return false
}

// isCall reports whether c calls pkg.name.
func isCall(c *ast.CallExpr, pkg, name string) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == pkg
}

// receiver is e's source, in parentheses unless it can take a method call
// as it is.
func receiver(e ast.Expr, text func(ast.Node) string) string {
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.ParenExpr:
		return text(e)
	}
	return "(" + text(e) + ")"
}

// swapOperator returns the operator that replaces op, and the mutation's
// name.
func swapOperator(op token.Token) (string, string, bool) {
	switch op {
	case token.LSS:
		return "<=", opRelational, true
	case token.LEQ:
		return "<", opRelational, true
	case token.GTR:
		return ">=", opRelational, true
	case token.GEQ:
		return ">", opRelational, true
	case token.EQL:
		return "!=", opEquality, true
	case token.NEQ:
		return "==", opEquality, true
	}
	return "", "", false
}

// plusMinusOne returns an integer or rune literal plus one and minus one,
// written in the literal's own base.
func plusMinusOne(lit *ast.BasicLit) (plus, minus string, ok bool) {
	switch lit.Kind {
	case token.CHAR:
		r, _, _, err := strconv.UnquoteChar(lit.Value[1:len(lit.Value)-1], '\'')
		if err != nil {
			return "", "", false
		}
		return strconv.QuoteRune(r + 1), strconv.QuoteRune(r - 1), true
	case token.INT:
		v, err := strconv.ParseInt(strings.ReplaceAll(lit.Value, "_", ""), 0, 64)
		if err != nil {
			return "", "", false
		}
		return formatInt(v+1, lit.Value), formatInt(v-1, lit.Value), true
	}
	return "", "", false
}

// formatInt writes v in the base of the literal like.
func formatInt(v int64, like string) string {
	if v < 0 {
		return "(" + strconv.FormatInt(v, 10) + ")"
	}
	lower := strings.ToLower(like)
	switch {
	case strings.HasPrefix(lower, "0x"):
		return "0x" + strconv.FormatInt(v, 16)
	case strings.HasPrefix(lower, "0o"):
		return "0o" + strconv.FormatInt(v, 8)
	case strings.HasPrefix(lower, "0b"):
		return "0b" + strconv.FormatInt(v, 2)
	case len(like) > 1 && like[0] == '0':
		return "0" + strconv.FormatInt(v, 8)
	}
	return strconv.FormatInt(v, 10)
}

// typeChecker tells which mutants compile, with one importer for all, so
// each standard package is loaded once.
type typeChecker struct {
	imp types.Importer
}

func newTypeChecker() *typeChecker {
	return &typeChecker{imp: importer.ForCompiler(token.NewFileSet(), "gc", nil)}
}

// compiles reports whether src, a whole package main, type-checks: the
// compiler would reject what it rejects (unused variables and imports,
// missing returns, wrong types).
func (c *typeChecker) compiles(src []byte) bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		return false
	}
	conf := types.Config{Importer: c.imp, Error: func(error) {}}
	_, err = conf.Check("main", fset, []*ast.File{f}, nil)
	return err == nil
}
