package main

import (
	"bytes"
	"context"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sockbook/runner/check"
	"sockbook/solutions"
)

// TestStartersStateTheExercise: each starter's header comment says which
// exercise it is, in which chapter, and how to check it, so that the task
// is in the editor without the chapter.
func TestStartersStateTheExercise(t *testing.T) {
	for _, ex := range check.All() {
		src, err := solutions.Starter(ex.ID)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), ex.ID+"/starter/main.go", src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		doc := f.Doc.Text()
		if want := "Exercise " + ex.ID + " (chapter " + ex.Chapter + "):"; !strings.HasPrefix(doc, want) {
			t.Errorf("%s: the starter's header does not begin %q:\n%s", ex.ID, want, doc)
		}
		if want := "sockbook check " + ex.ID + "\n"; !strings.Contains(doc, want) {
			t.Errorf("%s: the starter's header does not say how to check it (%q):\n%s", ex.ID, want, doc)
		}
		if lines := strings.Count(doc, "\n"); lines > 20 {
			t.Errorf("%s: a header of %d lines; a few lines state an exercise", ex.ID, lines)
		}
	}
}

// TestFreshWorkspaceIsAModule: a new workspace is a Go module with no
// requirements whose go line is this toolchain's release, and go vet ./...
// passes in it, as an editor's Go support needs.
func TestFreshWorkspaceIsAModule(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := sockbook(t, pipe, "init", dir); code != exitOK {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(mod, []byte("module sockets\n\ngo 1.")) || bytes.Contains(mod, []byte("require")) {
		t.Errorf("go.mod:\n%s", mod)
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	vet := exec.CommandContext(ctx, goCmd, "vet", "./...")
	vet.Dir = dir
	vet.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
	if out, err := vet.CombinedOutput(); err != nil {
		t.Errorf("go vet ./... in a fresh workspace: %v\n%s", err, out)
	}
}
