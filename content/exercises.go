package content

import (
	"regexp"

	"github.com/yuin/goldmark/ast"
)

// exerciseHeading matches the plain text of an exercise section's heading,
// "Exercise: line-frames" in English, "练习：line-frames" in Chinese.
var exerciseHeading = regexp.MustCompile(`^(?:Exercise:|练习[:：])\s*([a-z0-9]+(?:-[a-z0-9]+)*)$`)

// ExerciseRefs returns the ids of the exercises a document has a section
// for, in document order: the headings that read "Exercise: <id>" or, in
// a Chinese chapter, "练习：<id>" (the id may be a code span).
func ExerciseRefs(markdown []byte) []string {
	var ids []string
	_ = ast.Walk(Parse(markdown), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if m := exerciseHeading.FindStringSubmatch(PlainText(h, markdown)); m != nil {
			ids = append(ids, m[1])
		}
		return ast.WalkSkipChildren, nil
	})
	return ids
}
