// Package linediff compares two versions of a short text, such as a
// lesson's "wrong" and "right" programs, line by line, and says which
// lines of the newer one are new or changed.
//
// It finds a longest common subsequence of the two texts' lines (after
// setting aside the lines they share at the start and at the end), the
// classic dynamic programme: quadratic in time and space, which is nothing
// for files of a few hundred lines and keeps the code short. The standard
// library has no diff, and the libraries that do (go-diff's line mode, the
// archived go-difflib) bring more than these few lines need.
package linediff

import (
	"strconv"
	"strings"
)

// Mark says how a line of the newer text relates to the older one.
type Mark int

// The marks.
const (
	Same    Mark = iota // the line is in both texts
	Added               // the line is new, and replaces nothing
	Changed             // the line is new, in place of a line of the old text
)

// String returns the mark's name.
func (m Mark) String() string {
	switch m {
	case Same:
		return "same"
	case Added:
		return "added"
	case Changed:
		return "changed"
	}
	return "Mark(" + strconv.Itoa(int(m)) + ")"
}

// maxCells bounds the table the comparison builds. When the part in which
// the texts differ is larger (thousands of lines on each side), every
// line of it is marked Changed rather than compared.
const maxCells = 1 << 22

// Result is how the newer text differs from the older one.
type Result struct {
	// Marks holds one mark per line of the newer text (see Lines).
	Marks []Mark
	// Removed counts the old text's lines that are gone with nothing in
	// their place. The old text's lines are the Same, the Changed and the
	// Removed ones; the new text's are the Same, Changed and Added.
	Removed int
}

// Counts returns how many lines are marked Added and Changed.
func (r Result) Counts() (added, changed int) {
	for _, m := range r.Marks {
		switch m {
		case Added:
			added++
		case Changed:
			changed++
		}
	}
	return added, changed
}

// Equal reports whether the two texts have the same lines.
func (r Result) Equal() bool {
	added, changed := r.Counts()
	return added == 0 && changed == 0 && r.Removed == 0
}

// Lines splits text into lines at each "\n". A final newline ends the
// last line rather than starting an empty one; the empty text has no line.
func Lines(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// Compare compares the lines of newer with those of older (see Lines).
// Where a run of new lines stands in place of a run of old ones, they
// pair up in order: a new line with an old one to pair with is Changed,
// one without is Added, and an old line without a new one is Removed.
func Compare(older, newer string) Result {
	a, b := Lines(older), Lines(newer)
	res := Result{Marks: make([]Mark, len(b))}

	// The lines both texts start and end with are the same.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ops := edits(a[pre:len(a)-suf], b[pre:len(b)-suf])

	// Each run of edits between two kept lines is one hunk.
	j := pre // the line of b the next insertion is
	for i := 0; i < len(ops); {
		if ops[i] == keep {
			i++
			j++
			continue
		}
		deleted, inserted := 0, 0
		for ; i < len(ops) && ops[i] != keep; i++ {
			if ops[i] == del {
				deleted++
			} else {
				inserted++
			}
		}
		for k := 0; k < inserted; k++ {
			res.Marks[j+k] = Added
			if k < deleted {
				res.Marks[j+k] = Changed
			}
		}
		j += inserted
		res.Removed += max(deleted-inserted, 0)
	}
	return res
}

// op is one step of an edit script that turns a into b.
type op byte

const (
	keep op = iota // the next lines of a and b are the same
	del            // the next line of a is not in b
	ins            // the next line of b is not in a
)

// edits returns an edit script from a to b with as many kept lines as
// can be: a longest common subsequence.
func edits(a, b []string) []op {
	n, m := len(a), len(b)
	if n*m > maxCells {
		var ops []op
		for range n {
			ops = append(ops, del)
		}
		for range m {
			ops = append(ops, ins)
		}
		return ops
	}
	// lcs[i*(m+1)+j] is the length of a longest common subsequence of
	// a[i:] and b[j:].
	w := m + 1
	lcs := make([]int, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			default:
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	ops := make([]op, 0, n+m)
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, keep)
			i++
			j++
		case j == m || i < n && lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			ops = append(ops, del)
			i++
		default:
			ops = append(ops, ins)
			j++
		}
	}
	return ops
}
