package check

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A flawed program is a deliberately broken program for an exercise, in
// testdata/<id>/<name>/main.go. Its header comment says what is wrong
// with it and, in a paragraph of its own, exactly which scenarios catch
// it:
//
//	// Flaw: reads lines with ReadString, ...
//	//
//	// Fails: too-long-line, endless-line.
//	package main
//
// The expectation lives with the program it describes, so a new flawed
// program needs no table anywhere else.

// kebab is the form of a scenario's name.
var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// flawed is one flawed program and the scenarios it must fail.
type flawed struct {
	name string // its folder's name
	dir  string
	fail []string
}

// flawedPrograms returns ex's flawed programs, read from testdata.
func flawedPrograms(t testing.TB, ex Exercise) []flawed {
	t.Helper()
	entries, err := os.ReadDir(flawDir(ex.ID, ""))
	if err != nil {
		t.Fatalf("%s: %v", ex.ID, err)
	}
	var out []flawed
	for _, e := range entries {
		dir := flawDir(ex.ID, e.Name())
		fail, err := readFails(filepath.Join(dir, "main.go"))
		if err != nil {
			t.Fatalf("%s: %v", ex.ID, err)
		}
		for _, name := range fail {
			if !slices.ContainsFunc(ex.Scenarios, func(sc Scenario) bool { return sc.Name == name }) {
				t.Fatalf("%s: the Fails paragraph names %q, which is not a scenario of %s", dir, name, ex.ID)
			}
		}
		out = append(out, flawed{name: e.Name(), dir: dir, fail: fail})
	}
	return out
}

// readFails returns the scenario names of the "Fails:" paragraph in the
// header comment of the Go file.
func readFails(file string) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		return nil, err
	}
	if f.Doc == nil {
		return nil, fmt.Errorf("%s: no header comment", file)
	}
	var names []string
	found := false
	for _, para := range strings.Split(f.Doc.Text(), "\n\n") {
		rest, ok := strings.CutPrefix(para, "Fails:")
		if !ok {
			continue
		}
		if found {
			return nil, fmt.Errorf("%s: two Fails paragraphs", file)
		}
		found = true
		names = strings.FieldsFunc(strings.TrimSuffix(strings.TrimSpace(rest), "."), func(r rune) bool {
			return r == ',' || r == ' ' || r == '\n'
		})
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no \"Fails: scenario, ...\" paragraph in the header comment", file)
	}
	for i, name := range names {
		if slices.Contains(names[:i], name) {
			return nil, fmt.Errorf("%s: the Fails paragraph names %q twice", file, name)
		}
	}
	return names, nil
}

func TestReadFails(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // nil: an error
	}{
		{"one", "// Flaw: x.\n//\n// Fails: a-b.\npackage main\n", []string{"a-b"}},
		{"wrapped", "// Flaw: x.\n//\n// Fails: a, b,\n// c.\npackage main\n", []string{"a", "b", "c"}},
		{"before other text", "// Fails: a.\n//\n// More.\npackage main\n", []string{"a"}},
		{"none", "// Flaw: x.\npackage main\n", nil},
		{"empty", "// Flaw: x.\n//\n// Fails:\npackage main\n", nil},
		{"no comment", "package main\n", nil},
		{"twice", "// Fails: a.\n//\n// Fails: b.\npackage main\n", nil},
		{"repeated name", "// Fails: a, a.\npackage main\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "main.go")
			if err := os.WriteFile(file, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := readFails(file)
			if tt.want == nil {
				if err == nil {
					t.Errorf("readFails = %q, want an error", got)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("readFails = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestScenariosProved checks, for every exercise, the scenarios' names and
// docs, and that every scenario is failed by at least one flawed program:
// a scenario no broken program fails proves nothing.
func TestScenariosProved(t *testing.T) {
	for _, ex := range All() {
		flaws := flawedPrograms(t, ex)
		var names []string
		for _, sc := range ex.Scenarios {
			switch {
			case !kebab.MatchString(sc.Name):
				t.Errorf("%s: scenario name %q is not kebab-case", ex.ID, sc.Name)
			case slices.Contains(names, sc.Name):
				t.Errorf("%s: two scenarios named %q", ex.ID, sc.Name)
			case sc.Run == nil:
				t.Errorf("%s/%s: no Run", ex.ID, sc.Name)
			case sc.Doc == "" || !strings.HasSuffix(sc.Doc, ".") || strings.Count(strings.TrimSuffix(sc.Doc, "."), ". ") > 0:
				t.Errorf("%s/%s: Doc %q is not one sentence", ex.ID, sc.Name, sc.Doc)
			case !slices.ContainsFunc(flaws, func(f flawed) bool { return slices.Contains(f.fail, sc.Name) }):
				t.Errorf("%s/%s: no flawed program in testdata fails it", ex.ID, sc.Name)
			}
			names = append(names, sc.Name)
		}
	}
}
