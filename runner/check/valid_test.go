package check

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// validStyle is a correct program written differently from the reference
// solution (testdata/valid/<id>/<style>/main.go). The checker judges what
// crosses the wire, so each must pass every scenario of its exercise; the
// comment at the top of each program says how it differs.
type validStyle struct {
	id    string // the exercise
	style string // the program's folder
}

// validStyles is the table of correct programs in other styles.
func validStyles() []validStyle {
	return []validStyle{
		{"hello-once", "bufio-fprintf"},
		{"echo-upper", "copy-reader"},
		{"echo-upper", "byte-loop"},
		{"udp-time", "listen-udp"},
		{"line-frames", "scanner-split"},
		{"line-frames", "manual-buffer"},
		{"length-prefix", "binary-read-stream"},
		{"echo-concurrent", "worker-channels"},
		{"file-upload", "tee-reader"},
		{"upload-client", "binary-write"},
		{"remote-cmd", "pipe-limit"},
	}
}

// validDir is the folder of a correct program in another style.
func validDir(id, style string) string { return filepath.Join("testdata", "valid", id, style) }

// TestValidStylesPass checks that every correct program in another style
// passes every scenario of its exercise, natively built: server programs
// with checkProgram, the client through the project tests' scheduler (as
// TestProjectPrograms runs upload-client's programs). It also checks that
// the table lists exactly the programs in testdata/valid.
func TestValidStylesPass(t *testing.T) {
	var onDisk, inTable []string
	ids, err := os.ReadDir(filepath.Join("testdata", "valid"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		styles, err := os.ReadDir(filepath.Join("testdata", "valid", id.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range styles {
			onDisk = append(onDisk, validDir(id.Name(), s.Name()))
		}
	}
	for _, v := range validStyles() {
		inTable = append(inTable, validDir(v.id, v.style))
	}
	slices.Sort(inTable)
	if !slices.Equal(onDisk, inTable) {
		t.Errorf("testdata/valid holds %q, the table lists %q", onDisk, inTable)
	}

	sched := newProjectScheduler()
	for _, v := range validStyles() {
		ex, err := Find(v.id)
		if err != nil {
			t.Fatal(err)
		}
		dir := validDir(v.id, v.style)
		t.Run(v.id+"/"+v.style, func(t *testing.T) {
			t.Parallel()
			if ex.Role == ClientRole {
				sched.check(t, []projectProgram{{label: "native", ex: ex, c: projectCase{dir: dir}}})
				return
			}
			checkProgram(t, ex, dir)
		})
	}
}
