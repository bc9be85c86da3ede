package netwire

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"sockbook/runner/childproto"
	"sockbook/runner/event"
)

// Emitter writes a childs Messages to the runner. It is safe for
// concurrent use.
type Emitter struct {
	mu     sync.Mutex
	w      *bufio.Writer
	side   event.Side
	closed bool
}

// NewEmitter returns an Emitter that writes side's events to w.
func NewEmitter(w io.Writer, side event.Side) *Emitter {
	return &Emitter{w: bufio.NewWriter(w), side: side}
}

// Emit reports an event that happens now.
func (e *Emitter) Emit(ev event.Event) { e.EmitAt(event.Now(), ev) }

// EmitAt reports an event that happened at t (event.Now's clock).
func (e *Emitter) EmitAt(t time.Duration, ev event.Event) {
	ev.Side = e.side
	b, err := json.Marshal(childproto.Message{T: int64(t), Event: ev})
	if err != nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return
	}
	e.w.Write(b)
	e.w.WriteByte('\n')
	e.w.Flush()
}

// Close flushes what is buffered; later events are dropped.
func (e *Emitter) Close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.w.Flush()
	e.closed = true
}

// LineWriter turns writes into one event per line. A partial last line is
// held until its newline comes or Flush.
type LineWriter struct {
	mu   sync.Mutex
	emit *Emitter
	kind event.Kind
	buf  []byte
	// rewrite, if set, may change a line before it is reported.
	rewrite func(string) string
	// at, if set, is the time lines are stamped with instead of now.
	at time.Duration
}

func (w *LineWriter) send(line string) {
	if w.rewrite != nil {
		line = w.rewrite(line)
	}
	if w.at != 0 {
		w.emit.EmitAt(w.at, event.Event{Kind: w.kind, Text: line})
		return
	}
	w.emit.Emit(event.Event{Kind: w.kind, Text: line})
}

// maxLine is the longest line kept whole; longer ones are split.
const maxLine = 4096

func (w *LineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	for {
		i := strings.IndexByte(string(w.buf), '\n')
		if i < 0 {
			if len(w.buf) > maxLine {
				w.send(string(w.buf[:maxLine]))
				w.buf = append(w.buf[:0], w.buf[maxLine:]...)
				continue
			}
			return len(p), nil
		}
		w.send(strings.TrimSuffix(string(w.buf[:i]), "\r"))
		w.buf = append(w.buf[:0], w.buf[i+1:]...)
	}
}

// Flush reports a partial last line.
func (w *LineWriter) Flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.buf) > 0 {
		w.send(string(w.buf))
		w.buf = nil
	}
}

// LineStream is an *os.File the program writes to (its os.Stdout or
// os.Stderr), read back into a LineWriter.
type LineStream struct {
	w    *os.File
	line *LineWriter
	done chan struct{}
}

// NewLineWriter returns a LineWriter that reports each line as an event of
// kind; rewrite, if set, may change a line first.
func NewLineWriter(e *Emitter, kind event.Kind, rewrite func(string) string) *LineWriter {
	return &LineWriter{emit: e, kind: kind, rewrite: rewrite}
}

// NewLineStream returns a LineStream whose lines are events of kind.
func NewLineStream(out *Emitter, kind event.Kind) (*LineStream, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("pipe for %s: %w", kind, err)
	}
	s := &LineStream{w: w, line: &LineWriter{emit: out, kind: kind}, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		io.Copy(s.line, r)
		r.Close()
	}()
	return s, nil
}

// File is the stream's write end, to put in place of os.Stdout or os.Stderr.
func (s *LineStream) File() *os.File { return s.w }

// Flush closes the write end and waits, briefly, for the reader to drain.
func (s *LineStream) Flush() {
	s.w.Close()
	select {
	case <-s.done:
	case <-time.After(200 * time.Millisecond):
	}
	s.line.Flush()
}

// RestoreGC gives the program the collector setting the user had, in the
// process and in the environment its own children inherit.
func RestoreGC() {
	user, set := os.LookupEnv(childproto.UserGOGC)
	if !set {
		return // not started by the runner with the collector off
	}
	os.Unsetenv(childproto.UserGOGC)
	percent := 100
	switch {
	case user == "off":
		percent = -1
	case user != "":
		if p, err := strconv.Atoi(user); err == nil {
			percent = p
		}
	}
	debug.SetGCPercent(percent)
	if user == "" {
		os.Unsetenv("GOGC")
	} else {
		os.Setenv("GOGC", user)
	}
}

// SyncedStream is an *os.File a compiled program writes to (its os.Stdout
// or os.Stderr) whose lines are read at sync points: before each socket
// event the program causes (so that a line printed before a socket call is
// reported before it, as the interpreter's synchronous writers do), every
// few milliseconds otherwise, and at the end. Sync is safe for concurrent
// use.
type SyncedStream struct {
	mu   sync.Mutex
	r, w *os.File
	line *LineWriter
	buf  []byte
	// copied is closed when the background reader, where there is one,
	// has read everything.
	copied chan struct{}
}

// NewSyncedStream returns a SyncedStream whose lines are events of kind.
func NewSyncedStream(out *Emitter, kind event.Kind) (*SyncedStream, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("pipe for %s: %w", kind, err)
	}
	s := &SyncedStream{r: r, w: w, line: NewLineWriter(out, kind, nil), buf: make([]byte, 64<<10), copied: make(chan struct{})}
	if !canReadNow {
		// Lines are then stamped as they are read, a little late.
		go func() {
			defer close(s.copied)
			io.Copy(s.line, r)
		}()
	}
	return s, nil
}

// File is the stream's write end.
func (s *SyncedStream) File() *os.File { return s.w }

// Sync reports every complete line written so far, stamped with the time
// t (zero: now) by which they were written.
func (s *SyncedStream) Sync(t time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.line.at = t
	s.drain()
	s.line.at = 0
}

// drain reads what the pipe holds now, without waiting for more.
func (s *SyncedStream) drain() {
	if !canReadNow {
		return
	}
	rc, err := s.r.SyscallConn()
	if err != nil {
		return
	}
	for {
		n := 0
		rc.Read(func(fd uintptr) bool {
			n = readNow(fd, s.buf)
			return true // never wait: an empty pipe is the end of the drain
		})
		if n <= 0 {
			return
		}
		s.line.Write(s.buf[:n])
	}
}

// Close reports everything written, the last partial line too, and closes
// the stream.
func (s *SyncedStream) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w.Close()
	if canReadNow {
		s.drain()
	} else {
		select {
		case <-s.copied:
		case <-time.After(200 * time.Millisecond):
		}
	}
	s.line.Flush()
	s.r.Close()
}
