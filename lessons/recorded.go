package lessons

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"sockbook/runner/event"
)

// recordings holds every lesson's recorded run: the golden transcripts
// that the lessons' test compares each run with, under
// testdata/golden/<chapter>/<name>.golden (go test ./lessons -update
// writes them).
//
//go:embed testdata/golden
var recordings embed.FS

// RecordedLine is one line of a lesson's recorded run.
type RecordedLine struct {
	// Side is the side the line belongs to.
	Side event.Side
	// Text is the event as a transcript describes it, without side or
	// time, such as `← read #1 6 bytes "hello\n"`.
	Text string
}

// recordedSides are the sides a recorded run is grouped by, as its
// "== side" headers name them.
var recordedSides = []event.Side{event.Server, event.Client, event.Net, event.Runner}

// Recorded returns the recorded run of lesson id: the lines of its golden
// transcript, side after side (server, client, then the relay and the
// runner), each side's in the order they happened. The two sides' events
// are not interleaved, since their order across sides differs from run
// to run; times are left out, the server's port reads PORT and every
// other port PEER.
func Recorded(id string) ([]RecordedLine, error) {
	b, err := fs.ReadFile(recordings, "testdata/golden/"+id+".golden")
	if err != nil {
		return nil, fmt.Errorf("recorded run of %s: %w", id, err)
	}
	if len(b) == 0 {
		return nil, nil // the run showed nothing
	}
	var out []RecordedLine
	var side event.Side
	for i, row := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if name, ok := strings.CutPrefix(row, "== "); ok && slices.Contains(recordedSides, event.Side(name)) {
			side = event.Side(name)
			continue
		}
		if side == "" {
			return nil, fmt.Errorf("recorded run of %s: line %d comes before any \"== side\" line", id, i+1)
		}
		out = append(out, RecordedLine{Side: side, Text: row})
	}
	return out, nil
}
