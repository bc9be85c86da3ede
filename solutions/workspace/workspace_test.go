package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	starters := []Starter{{ID: "a", Source: []byte("package main // a\n")}, {ID: "b", Source: []byte("package main // b\n")}}
	w, wrote, err := Init(dir, starters)
	if err != nil {
		t.Fatal(err)
	}
	if len(wrote) != 3 {
		t.Errorf("wrote %v, want two starters and the progress file", wrote)
	}
	mine := []byte("package main // my work\n")
	if err := os.WriteFile(w.ExercisePath("a"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := w.Load()
	if err != nil {
		t.Fatal(err)
	}
	p.Status("a").Passed = true
	if err := w.Save(p); err != nil {
		t.Fatal(err)
	}
	_, wrote, err = Init(dir, starters)
	if err != nil {
		t.Fatal(err)
	}
	if len(wrote) != 0 {
		t.Errorf("a second init wrote %v; it must not touch existing files", wrote)
	}
	got, _ := os.ReadFile(w.ExercisePath("a"))
	if string(got) != string(mine) {
		t.Errorf("init overwrote the learner's file")
	}
	p, err = w.Load()
	if err != nil || !p.Status("a").Passed {
		t.Errorf("progress lost by a second init: %v %+v", err, p)
	}
	if p.Current != "a" {
		t.Errorf("current = %q, want the first exercise", p.Current)
	}
}

func TestCorruptProgressIsKeptAndReported(t *testing.T) {
	dir := t.TempDir()
	w := Workspace{Dir: dir}
	if err := os.WriteFile(filepath.Join(dir, ProgressFile), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := w.Load()
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Load of a corrupt file: err = %v, want ErrCorrupt", err)
	}
	if p == nil || len(p.Exercises) != 0 {
		t.Errorf("want fresh progress to go on with, got %+v", p)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, ProgressFile+".bad-*"))
	if len(backups) != 1 {
		t.Fatalf("want the corrupt file kept as a backup, found %v", backups)
	}
	b, _ := os.ReadFile(backups[0])
	if string(b) != "{not json" {
		t.Errorf("backup holds %q", b)
	}
	if !strings.Contains(err.Error(), "kept as") {
		t.Errorf("the message must say where the file went: %v", err)
	}
}

func TestSaveIsAtomicAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	w := Workspace{Dir: dir}
	p := &Progress{Version: 1}
	p.Status("x").Checks = 3
	if err := w.Save(p); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != ProgressFile {
		t.Errorf("folder holds %v, want only %s", entries, ProgressFile)
	}
	got, err := w.Load()
	if err != nil || got.Status("x").Checks != 3 {
		t.Errorf("round trip: %v %+v", err, got)
	}
}

func TestFindWalksUp(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := Init(dir, nil); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "exercises", "a")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	w, ok := Find(sub)
	if !ok || w.Dir != dir {
		t.Errorf("Find(%s) = %v %v, want %s", sub, w, ok, dir)
	}
	if _, ok := Find(t.TempDir()); ok {
		t.Errorf("Find found a workspace in an empty folder")
	}
}
