package check

import (
	"os"
	"regexp"
	"slices"
	"testing"
)

// program is a program an exercise's check is tested against, with exactly
// the scenarios it must fail.
type program struct {
	dir  string
	fail []string
}

// coreStarters lists the scenarios each core exercise's starter fails.
func coreStarters() map[string][]string {
	return map[string][]string{
		"hello-once":      {"replies-hello", "max-message"},
		"echo-upper":      {"silent-client", "reset-client", "clients-in-turn"},
		"udp-time":        {"custom-layouts", "two-clients"},
		"line-frames":     {"longest-line", "too-long-line", "cut-short-line", "reset-mid-line"},
		"length-prefix":   {"chopped-1-byte", "largest-frame", "one-past-limit", "huge-length"},
		"echo-concurrent": {"idle-client-does-not-block", "hundred-clients"},
	}
}

// coreFlaws lists, for each core exercise, its deliberately broken
// programs (testdata/<id>/<flaw>) and exactly the scenarios each fails.
func coreFlaws() map[string]map[string][]string {
	return map[string]map[string][]string{
		"hello-once": {
			"whole-buffer": {"replies-hello"},
			"small-buffer": {"max-message"},
			"echo-loop":    {"closes-connection", "exits-zero"},
			"accept-loop":  {"exits-zero"},
		},
		"echo-upper": {
			"never-closes":            {"echo-text", "silent-client"},
			"read-full":               {"echo-before-close", "reset-client"},
			"unicode-upper":           {"only-ascii-letters"},
			"line-scanner":            {"echo-before-close", "only-ascii-letters", "large-stream", "reset-client"},
			"first-read-fatal":        {"silent-client"},
			"fatal-on-reset":          {"reset-client"},
			"return-instead-of-break": {"silent-client", "clients-in-turn"},
		},
		"udp-time": {
			"ignores-empty":           {"default-layout", "two-clients"},
			"replies-to-first-sender": {"two-clients"},
			"reply-from-new-socket":   {"default-layout", "custom-layouts", "two-clients"},
			"one-datagram":            {"custom-layouts", "two-clients"},
			"small-buffer":            {"custom-layouts"},
		},
		"line-frames": {
			"default-scanner":    {"longest-line"},
			"read-is-line":       {"chopped-1-byte", "coalesced", "longest-line", "too-long-line", "cut-short-line", "reset-mid-line"},
			"reader-per-line":    {"coalesced", "too-long-line"},
			"no-limit":           {"too-long-line"},
			"skips-empty-lines":  {"empty-line", "chopped-1-byte", "coalesced"},
			"counts-runes":       {"few-lines"},
			"fatal-on-eof":       {"cut-short-line", "reset-mid-line"},
			"fatal-on-reset":     {"reset-mid-line"},
			"fatal-on-long-line": {"too-long-line", "reset-mid-line"},
		},
		"length-prefix": {
			"one-read":           {"chopped-1-byte", "largest-frame"},
			"reader-per-frame":   {"coalesced"},
			"limit-off-by-one":   {"largest-frame"},
			"no-limit":           {"one-past-limit", "huge-length"},
			"alloc-before-check": {"huge-length"},
			"signed-length":      {"huge-length"},
			"skips-empty":        {"empty-frame"},
			"fatal-on-error":     {"one-past-limit", "huge-length", "cut-short-frame", "reset-mid-frame"},
			"only-eof-is-normal": {"cut-short-frame", "reset-mid-frame"},
			"fatal-on-reset":     {"reset-mid-frame"},
			"fixed-buffer":       {"one-frame", "largest-frame"},
			"little-endian":      {"one-frame", "empty-frame", "chopped-1-byte", "coalesced", "largest-frame", "one-past-limit", "huge-length", "cut-short-frame", "reset-mid-frame"},
		},
		"echo-concurrent": {
			"sequential":       {"idle-client-does-not-block", "hundred-clients"},
			"pool-of-ten":      {"hundred-clients"},
			"never-closes":     {"echo-text", "silent-client"},
			"read-full":        {"echo-before-close", "reset-client", "idle-client-does-not-block", "hundred-clients"},
			"unicode-upper":    {"only-ascii-letters"},
			"line-scanner":     {"echo-before-close", "only-ascii-letters", "large-stream", "reset-client", "idle-client-does-not-block", "hundred-clients"},
			"first-read-fatal": {"silent-client"},
			"fatal-on-reset":   {"reset-client"},
			"fatal-on-eof":     {"silent-client", "reset-client", "clients-in-turn"},
		},
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
	flaws := coreFlaws()
	for _, ex := range coreExercises() {
		for name, fail := range flaws[ex.ID] {
			t.Run(ex.ID+"/"+name, func(t *testing.T) {
				t.Parallel()
				checkProgram(t, ex, flawDir(ex.ID, name), fail...)
			})
		}
	}
}

// TestCoreScenarios checks the scenarios' names and docs, and that every
// scenario is proved by a broken program that fails it, and every broken
// program in testdata is in the table.
func TestCoreScenarios(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	flaws := coreFlaws()
	for _, ex := range coreExercises() {
		var names []string
		for _, sc := range ex.Scenarios {
			if !kebab.MatchString(sc.Name) {
				t.Errorf("%s: scenario name %q is not kebab-case", ex.ID, sc.Name)
			}
			if slices.Contains(names, sc.Name) {
				t.Errorf("%s: two scenarios named %q", ex.ID, sc.Name)
			}
			names = append(names, sc.Name)
			if sc.Doc == "" || sc.Run == nil {
				t.Errorf("%s/%s: needs a Doc and a Run", ex.ID, sc.Name)
			}
			proved := false
			for _, fail := range flaws[ex.ID] {
				proved = proved || slices.Contains(fail, sc.Name)
			}
			if !proved {
				t.Errorf("%s/%s: no broken program in testdata fails it", ex.ID, sc.Name)
			}
		}
		entries, err := os.ReadDir(flawDir(ex.ID, ""))
		if err != nil {
			t.Errorf("%s: %v", ex.ID, err)
			continue
		}
		for _, e := range entries {
			if _, ok := flaws[ex.ID][e.Name()]; !ok {
				t.Errorf("%s: testdata program %s is not in coreFlaws", ex.ID, e.Name())
			}
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
