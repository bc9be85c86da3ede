package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var runAll = flag.Bool("mutate", false, "run the whole mutation analysis (minutes): every survivor must be listed as equivalent")

// TestOperators checks each operator on a small program: which mutants
// it makes, and that a mutant that would not compile is left out.
func TestOperators(t *testing.T) {
	const src = `package main

import (
	"encoding/binary"
	"io"
	"net"
	"time"
)

const limit = 16

func read(c net.Conn, b []byte) error {
	c.SetReadDeadline(time.Now())
	defer c.Close()
	if _, err := io.ReadFull(c, b); err != nil {
		return err
	}
	if n := binary.BigEndian.Uint32(b); n > limit {
		return nil
	}
	for i := 0; i < len(b); i++ {
		if b[i] == 'x' {
			break
		}
	}
	r := io.LimitReader(c, 4)
	_ = r
	return nil
}

var _, _ = time.Second, binary.BigEndian

func main() { read(nil, nil) }
`
	ms, err := mutants("example", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]bool)
	for _, m := range ms {
		got[m.Op+": "+m.After] = true
		if !idForm.MatchString(m.ID) || !strings.HasPrefix(m.ID, "example/") {
			t.Errorf("mutant id %q", m.ID)
		}
	}
	want := []string{
		"constant+1: const limit = 17",
		"constant-1: const limit = 15",
		"drop-deadline: ",
		"drop-close: ",
		"readfull-to-read: if _, err := c.Read(b); err != nil {",
		"negate-condition: if _, err := io.ReadFull(c, b); !(err != nil) {",
		"equality: if _, err := io.ReadFull(c, b); err == nil {",
		"byte-order: if n := binary.LittleEndian.Uint32(b); n > limit {",
		"relational: if n := binary.BigEndian.Uint32(b); n >= limit {",
		"drop-limit-check: ",
		"relational: for i := 0; i <= len(b); i++ {",
		"constant+1: for i := 1; i < len(b); i++ {",
		"constant+1: if b[i] == 'y' {",
		"constant-1: if b[i] == 'w' {",
		"break-continue: continue",
		"drop-limit-check: r := c",
		"constant+1: r := io.LimitReader(c, 5)",
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("no mutant %q", w)
		}
	}
	if t.Failed() {
		for _, m := range ms {
			t.Logf("%s: %s -> %s", m.Op, m.Before, m.After)
		}
	}
	for _, m := range ms {
		// Deleting "r := ..." leaves r undefined: it does not compile.
		if m.Op == opDelete && m.Before == "r := io.LimitReader(c, 4)" {
			t.Errorf("a mutant that does not compile was kept: %s: %s", m.ID, m.Before)
		}
	}
	ids := make(map[string]bool)
	for _, m := range ms {
		if ids[m.ID] {
			t.Errorf("two mutants with the id %s", m.ID)
		}
		ids[m.ID] = true
	}
}

// TestMutantIDStable checks that a mutant's id does not depend on where
// its line is: a line added above it changes nothing.
func TestMutantIDStable(t *testing.T) {
	const src = "package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n}\n"
	moved := strings.Replace(src, "func main", "// a comment\n\nfunc main", 1)
	a, err := mutants("e", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b, err := mutants("e", []byte(moved))
	if err != nil {
		t.Fatal(err)
	}
	var ida, idb []string
	for _, m := range a {
		ida = append(ida, m.ID)
	}
	for _, m := range b {
		idb = append(idb, m.ID)
	}
	if len(ida) == 0 || !slices.Equal(ida, idb) {
		t.Errorf("ids changed when the code moved:\n%q\n%q", ida, idb)
	}
}

func TestParseEquivalents(t *testing.T) {
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"empty", "", true},
		{"comments", "# a comment\n\n   # another\n", true},
		{"one", "hello-once/main/drop-close/0123abcd  the exit closes it\n", true},
		{"numbered", "hello-once/main/drop-close/0123abcd-2 the exit closes it\n", true},
		{"no reason", "hello-once/main/drop-close/0123abcd\n", false},
		{"bad id", "hello-once drop-close the exit closes it\n", false},
		{"short hash", "hello-once/main/drop-close/0123 why\n", false},
		{"twice", "a/main/drop-close/0123abcd why\na/main/drop-close/0123abcd why again\n", false},
	}
	for _, tt := range tests {
		_, err := parseEquivalents([]byte(tt.text))
		if (err == nil) != tt.ok {
			t.Errorf("%s: parseEquivalents: %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

// TestEquivalentsList is the cheap check of equivalent.txt, run on every
// test run: it is well formed, and every mutant it lists is still a
// mutant of its reference solution (a solution edited since makes some
// ids disappear: their lines must go, or be reconsidered).
func TestEquivalentsList(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	equivalent, err := readEquivalents(".")
	if err != nil {
		t.Fatal(err)
	}
	opts := options{Root: root}
	exs, err := opts.exercises()
	if err != nil {
		t.Fatal(err)
	}
	exists := make(map[string]bool)
	for _, ex := range exs {
		ms, err := opts.mutantsOf(ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 {
			t.Errorf("%s: no mutants", ex.ID)
		}
		for _, m := range ms {
			exists[m.ID] = true
		}
	}
	for id := range equivalent {
		if !exists[id] {
			t.Errorf("%s lists %s, which is no mutant of the reference solutions (go run ./runner/check/mutate -list shows them)", equivalentsFile, id)
		}
	}
}

// TestMutants runs the whole mutation analysis, which takes many minutes:
// go test ./runner/check/mutate -run TestMutants -mutate -timeout 1h.
// It fails for every mutant that survives and is not listed as
// equivalent, every listed one that is killed, and every one that could
// not be judged.
func TestMutants(t *testing.T) {
	if !*runAll {
		t.Skip("the whole mutation analysis runs with -mutate")
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	reports, err := analyse(context.Background(), options{Root: root, Jobs: runtime.GOMAXPROCS(0)})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	printReports(&out, reports)
	t.Log("\n" + out.String())
	for _, r := range reports {
		for _, v := range r.Survivors {
			t.Errorf("%s survived (%s:%d: %s -> %s): kill it with a scenario, or list it in %s with the reason it is equivalent",
				v.ID, filepath.Join("solutions", r.Exercise, "main.go"), v.Line, v.Before, v.After, equivalentsFile)
		}
		for _, v := range r.Listed {
			t.Errorf("%s is listed as equivalent, but %s kills it: %s", v.ID, v.KilledBy, v.Why)
		}
		for _, v := range r.Errors {
			t.Errorf("%s was not judged: %v", v.ID, v.Err)
		}
		for _, id := range r.Stale {
			t.Errorf("%s lists %s, which is no mutant", equivalentsFile, id)
		}
	}
}

func TestMain(m *testing.M) {
	flag.Parse()
	if _, err := os.Stat(equivalentsFile); err != nil {
		fmt.Fprintln(os.Stderr, "mutate tests run in their package's folder:", err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}
