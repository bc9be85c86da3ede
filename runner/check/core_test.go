package check

import (
	"os"
	"testing"
)

// coreStarters lists the scenarios each core exercise's starter fails.
func coreStarters() map[string][]string {
	return map[string][]string{
		"hello-once":      {"replies-hello", "max-message", "raw-bytes"},
		"echo-upper":      {"silent-client", "reset-client", "clients-in-turn"},
		"udp-time":        {"custom-layouts", "raw-bytes", "two-clients"},
		"line-frames":     {"longest-line", "too-long-line", "endless-line", "raw-bytes", "cut-short-line", "reset-mid-line"},
		"length-prefix":   {"chopped-1-byte", "largest-frame", "one-past-limit", "huge-length", "cut-short-frame"},
		"echo-concurrent": {"idle-client-does-not-block", "hundred-clients"},
	}
}

func TestCoreReferencesPass(t *testing.T) {
	for _, ex := range coreExercises() {
		t.Run(ex.ID, func(t *testing.T) {
			t.Parallel()
			checkProgram(t, ex, referenceDir(ex.ID))
		})
	}
}

func TestCoreStartersFail(t *testing.T) {
	starters := coreStarters()
	for _, ex := range coreExercises() {
		fail := starters[ex.ID]
		if len(fail) == 0 {
			t.Errorf("%s: the starter must fail at least one scenario", ex.ID)
			continue
		}
		t.Run(ex.ID, func(t *testing.T) {
			t.Parallel()
			checkProgram(t, ex, starterDir(ex.ID), fail...)
		})
	}
}

func TestCoreFlawsFail(t *testing.T) {
	for _, ex := range coreExercises() {
		for _, f := range flawedPrograms(t, ex) {
			t.Run(ex.ID+"/"+f.name, func(t *testing.T) {
				t.Parallel()
				checkProgram(t, ex, f.dir, f.fail...)
			})
		}
	}
}

// TestCoreUnderYaegi runs the reference solutions and the starters under
// the yaegi interpreter, as learners' programs run, with the same
// expectations as natively. It needs the path of a yaegi binary in
// SOCKBOOK_YAEGI (go build -o /tmp/yaegi github.com/traefik/yaegi/cmd/yaegi).
func TestCoreUnderYaegi(t *testing.T) {
	yaegi := os.Getenv("SOCKBOOK_YAEGI")
	if yaegi == "" {
		t.Skip("set SOCKBOOK_YAEGI to a yaegi binary to run the programs interpreted")
	}
	starters := coreStarters()
	for _, ex := range coreExercises() {
		t.Run(ex.ID+"/reference", func(t *testing.T) {
			t.Parallel()
			file := referenceDir(ex.ID) + "/main.go"
			checkBinary(t, ex, yaegiProgram(t, yaegi, file), file)
		})
		t.Run(ex.ID+"/starter", func(t *testing.T) {
			t.Parallel()
			file := starterDir(ex.ID) + "/main.go"
			checkBinary(t, ex, yaegiProgram(t, yaegi, file), file, starters[ex.ID]...)
		})
	}
}
