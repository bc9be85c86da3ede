package present

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"

	"sockbook/content/render"
)

// fakeTerm is a Terminal in memory: keys come from a channel, the
// screen is a buffer, and every write is also announced on writes.
type fakeTerm struct {
	keys    chan string // a closed channel is the end of input
	resized chan struct{}
	writes  chan string
	closed  chan struct{}

	mu             sync.Mutex
	out            bytes.Buffer
	w, h           int
	raw, restored  int
	rawErr, resErr error
}

func newFakeTerm(t *testing.T, w, h int) *fakeTerm {
	ft := &fakeTerm{
		keys:    make(chan string, 16),
		resized: make(chan struct{}, 1),
		writes:  make(chan string, 1024),
		closed:  make(chan struct{}),
		w:       w, h: h,
	}
	t.Cleanup(func() { close(ft.closed) }) // ends a read left waiting
	return ft
}

func (ft *fakeTerm) Read(p []byte) (int, error) {
	select {
	case s, ok := <-ft.keys:
		if !ok {
			return 0, io.EOF
		}
		return copy(p, s), nil
	case <-ft.closed:
		return 0, io.EOF
	}
}

func (ft *fakeTerm) Write(p []byte) (int, error) {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	ft.out.Write(p)
	select {
	case ft.writes <- string(p):
	default:
	}
	return len(p), nil
}

func (ft *fakeTerm) Size() (int, int, error) {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	return ft.w, ft.h, nil
}

func (ft *fakeTerm) MakeRaw() (func() error, error) {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	if ft.rawErr != nil {
		return nil, ft.rawErr
	}
	ft.raw++
	return func() error {
		ft.mu.Lock()
		defer ft.mu.Unlock()
		ft.restored++
		return ft.resErr
	}, nil
}

func (ft *fakeTerm) Resized() <-chan struct{} { return ft.resized }

func (ft *fakeTerm) output() string {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	return ft.out.String()
}

// waitFor reads writes until one holds s.
func (ft *fakeTerm) waitFor(t *testing.T, s string) {
	t.Helper()
	for w := range ft.writes {
		if strings.Contains(render.StripANSI(w), s) || strings.Contains(w, s) {
			return
		}
	}
}

// checkRestored checks the terminal was left as it was found: raw mode
// undone once, and LeaveSequence the last thing written.
func checkRestored(t *testing.T, ft *fakeTerm) {
	t.Helper()
	out := ft.output()
	if !strings.HasPrefix(out, EnterSequence) {
		t.Errorf("output does not start with EnterSequence: %.40q", out)
	}
	if !strings.HasSuffix(out, LeaveSequence) {
		t.Errorf("output does not end with LeaveSequence: …%q", out[max(len(out)-60, 0):])
	}
	ft.mu.Lock()
	defer ft.mu.Unlock()
	if ft.raw != 1 || ft.restored != 1 {
		t.Errorf("raw mode set %d times, restored %d times; want 1 and 1", ft.raw, ft.restored)
	}
}

// TestShowRestores ends a presentation every way it can end and checks
// the terminal is restored each time.
func TestShowRestores(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		eof     bool
		cancel  bool
		wantErr error
	}{
		{name: "q", keys: []string{"q"}},
		{name: "q after paging", keys: []string{" ", "\x1b[C", "j", "\x1b[D", "q"}},
		{name: "Ctrl-C", keys: []string{"j", "\x03"}, wantErr: ErrInterrupted},
		{name: "Ctrl-C in the middle of a read", keys: []string{"jj\x03jj"}, wantErr: ErrInterrupted},
		{name: "end of input", keys: []string{"j"}, eof: true},
		{name: "context cancelled (SIGTERM)", cancel: true, wantErr: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDeck(t, Options{Color: true})
			ft := newFakeTerm(t, 60, 10)
			for _, k := range tt.keys {
				ft.keys <- k
			}
			if tt.eof {
				close(ft.keys)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				go func() {
					ft.waitFor(t, "t 1/4")
					cancel()
				}()
			}
			err := Show(ctx, ft, d, nil)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Errorf("Show = %v, want %v", err, tt.wantErr)
			}
			checkRestored(t, ft)
		})
	}
}

func TestShowDraws(t *testing.T) {
	d := testDeck(t, Options{})
	ft := newFakeTerm(t, 60, 10)
	ft.keys <- "n"
	ft.keys <- "q"
	if err := Show(context.Background(), ft, d, nil); err != nil {
		t.Fatal(err)
	}
	out := ft.output()
	for _, want := range []string{
		"\x1b[1;1H\x1b[2KDeck", // the first section, top row
		"\x1b[10;1H\x1b[2K t 1/4 · Deck",
		"\x1b[1;1H\x1b[2KLong", // then the second
		"\x1b[10;1H\x1b[2K t 2/4 · Long",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestShowRaw(t *testing.T) {
	d := testDeck(t, Options{})
	ft := newFakeTerm(t, 60, 10)
	ft.rawErr = errors.New("not a terminal")
	if err := Show(context.Background(), ft, d, nil); err == nil || !strings.Contains(err.Error(), "not a terminal") {
		t.Errorf("Show = %v, want the raw mode error", err)
	}
	if out := ft.output(); out != "" {
		t.Errorf("wrote %q without raw mode", out)
	}

	ft = newFakeTerm(t, 60, 10)
	ft.resErr = errors.New("restore failed")
	ft.keys <- "q"
	if err := Show(context.Background(), ft, d, nil); err == nil || !strings.Contains(err.Error(), "restore failed") {
		t.Errorf("Show = %v, want the restore error", err)
	}
}

// TestShowPanics checks a panic, in rendering or in a run, leaves the
// terminal restored and goes on.
func TestShowPanics(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		opts Options
		run  RunFunc
	}{
		{
			name: "in rendering",
			// NewDeck renders at 80 columns; the terminal is 60.
			opts: Options{Lessons: func(string) (render.LessonView, bool) {
				return render.LessonView{}, false
			}},
			keys: []string{"n", "n"},
		},
		{
			name: "in a run",
			keys: []string{"n", "n", "r"},
			run:  func(string, int) (string, error) { panic("run boom") },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			if opts.Lessons != nil {
				opts.Lessons = func(id string) (render.LessonView, bool) {
					panic("render boom")
				}
			}
			d, err := NewDeck("t", []byte("# T\n\n## A\n\n## B\n\n```lesson x/one\n```\n"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			d.opts = opts
			ft := newFakeTerm(t, 60, 10)
			for _, k := range tt.keys {
				ft.keys <- k
			}
			var recovered any
			func() {
				defer func() { recovered = recover() }()
				Show(context.Background(), ft, d, tt.run)
			}()
			if recovered == nil || !strings.Contains(fmt.Sprint(recovered), "boom") {
				t.Errorf("recovered %v, want the panic", recovered)
			}
			checkRestored(t, ft)
		})
	}
}

// TestShowRun checks r runs the current section's lessons through the
// RunFunc, in order, at the transcript width, and shows the transcripts.
func TestShowRun(t *testing.T) {
	d := testDeck(t, Options{Lessons: func(id string) (render.LessonView, bool) {
		return render.LessonView{ID: id, Command: "sockbook run " + id}, true
	}})
	ft := newFakeTerm(t, 60, 30)
	var mu sync.Mutex
	var ran []string
	run := func(id string, width int) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		ran = append(ran, fmt.Sprintf("%s@%d", id, width))
		if id == "x/two" {
			return "", errors.New("no server")
		}
		return "TRANSCRIPT OF " + id, nil
	}
	ft.keys <- "n"
	ft.keys <- "n"
	ft.keys <- "r"
	done := make(chan error)
	go func() { done <- Show(context.Background(), ft, d, run) }()
	ft.waitFor(t, "no server") // the last run's end
	ft.keys <- "q"
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []string{"x/one@56", "x/two@56"} // 60 columns less the lesson box
	if !slices.Equal(ran, want) {
		t.Errorf("ran %q, want %q", ran, want)
	}
	out := render.StripANSI(ft.output())
	for _, s := range []string{"running x/one…", "TRANSCRIPT OF x/one", "x/two failed: no server"} {
		if !strings.Contains(out, s) {
			t.Errorf("the screen never showed %q", s)
		}
	}
	checkRestored(t, ft)
}

// TestShowQuitDuringRun checks q ends the presentation without waiting
// for a run in progress.
func TestShowQuitDuringRun(t *testing.T) {
	d := testDeck(t, Options{})
	ft := newFakeTerm(t, 60, 10)
	release := make(chan struct{})
	started := make(chan struct{})
	run := func(id string, width int) (string, error) {
		close(started)
		<-release
		return "", nil
	}
	defer close(release)
	ft.keys <- "nnr"
	done := make(chan error)
	go func() { done <- Show(context.Background(), ft, d, run) }()
	<-started
	ft.keys <- "q"
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	checkRestored(t, ft)
}

func TestShowNoRunFunc(t *testing.T) {
	d := testDeck(t, Options{})
	ft := newFakeTerm(t, 60, 10)
	ft.keys <- "nnr"
	ft.keys <- "q"
	if err := Show(context.Background(), ft, d, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ft.output(), "running lessons is not available here") {
		t.Error("r without a RunFunc says nothing")
	}
}

// TestShowResize checks a resize redraws the screen at the new size.
func TestShowResize(t *testing.T) {
	d := testDeck(t, Options{})
	ft := newFakeTerm(t, 60, 10)
	done := make(chan error)
	go func() { done <- Show(context.Background(), ft, d, nil) }()
	ft.waitFor(t, "t 1/4")
	ft.mu.Lock()
	ft.w, ft.h = 40, 5
	ft.mu.Unlock()
	ft.resized <- struct{}{}
	ft.waitFor(t, "\x1b[5;1H\x1b[2K t 1/4") // the footer on row 5 now
	ft.keys <- "q"
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	out := ft.output()
	if i, j := strings.LastIndex(out, "\x1b[2J"), strings.LastIndex(out, "\x1b[5;1H\x1b[2K t 1/4"); i < len(EnterSequence) || j < i {
		t.Errorf("no clear before the redraw at the new size (clear at %d, redraw at %d)", i, j)
	}
	checkRestored(t, ft)
}

// TestShowKeysInPieces checks an escape sequence cut across reads is
// still one key.
func TestShowKeysInPieces(t *testing.T) {
	d := testDeck(t, Options{})
	ft := newFakeTerm(t, 60, 10)
	for _, k := range []string{"\x1b", "[", "C", "\x1b[", "C", "q"} { // → → q
		ft.keys <- k
	}
	if err := Show(context.Background(), ft, d, nil); err != nil {
		t.Fatal(err)
	}
	if out := ft.output(); !strings.Contains(out, "t 2/4 · Long") || !strings.Contains(out, "lines 9-17/33") {
		t.Errorf("two → did not page to lines 9-17 of section 2:\n%q", render.StripANSI(ft.output()))
	}
}
