package runner

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"sockbook/runner/childproto"
	"sockbook/runner/event"
)

// message is one thing a process reported: an event, or its end.
type message struct {
	side event.Side
	ev   event.Event
	t    time.Duration // on event.Now's clock
	exit *exitStatus   // set on the last message of a process
}

// exitStatus is how a process ended.
type exitStatus struct {
	code   int
	maxRSS int64  // peak resident memory in bytes, where the system says
	killed bool   // by the runner
	crash  string // the first line of a runtime crash ("panic: …"), if any
	breach string // the limit it went over, if any: why it was stopped
}

// process is one running program, with everything it starts (a process
// group on Unix, a Job Object on Windows).
type process struct {
	side  event.Side
	cmd   *exec.Cmd
	tree  *tree
	stdin io.WriteCloser
	// native is set for a binary built by the go engine, whose real
	// descriptors 1 and 2 carry all its output; under the interpreter they
	// carry only a runtime crash.
	native bool

	mu     sync.Mutex
	killed bool
	breach string // set when the program went over a limit
	// release lets a child that was started early run its program.
	release chan struct{}
}

// procSpec says how to start one process.
type procSpec struct {
	side   event.Side
	argv   []string // the command to run
	config *childproto.Config
	stdin  bool // give the program a stdin pipe (else it reads EOF)
	dir    string
	// early starts the child now but holds its program until go is called:
	// the interpreter's start-up overlaps with the server's.
	early bool
	// limits bound what the program may use.
	limits Limits
	// native is set for a binary built by the Go compiler.
	native bool
}

// startProcess starts a process and sends what it reports to msgs, ending
// with one message whose exit is set.
func startProcess(sp procSpec, msgs chan<- message) (*process, error) {
	p := &process{side: sp.side, native: sp.native}
	cmd := exec.Command(sp.argv[0], sp.argv[1:]...)
	cmd.Dir = sp.dir
	cmd.Env = append(os.Environ(), "GOTRACEBACK=single")
	if sp.config != nil {
		// The child starts faster without garbage collection, and turns
		// it back on, as the user had it, before the program runs.
		cmd.Env = append(cmd.Env, "GOGC=off", childproto.UserGOGC+"="+os.Getenv("GOGC"))
	}
	prepareTree(cmd)

	var closeAfterStart []io.Closer
	defer func() {
		for _, c := range closeAfterStart {
			c.Close()
		}
	}()
	pipe := func() (*os.File, *os.File, error) {
		r, w, err := os.Pipe()
		if err != nil {
			return nil, nil, fmt.Errorf("start %s: %w", sp.side, err)
		}
		return r, w, nil
	}

	outR, outW, err := pipe()
	if err != nil {
		return nil, err
	}
	errR, errW, err := pipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = outW, errW
	closeAfterStart = append(closeAfterStart, outW, errW)
	readers := []*os.File{outR, errR}

	if sp.stdin {
		inR, inW, err := pipe()
		if err != nil {
			return nil, err
		}
		cmd.Stdin = inR
		closeAfterStart = append(closeAfterStart, inR)
		p.stdin = inW
	}

	var evR *os.File
	sendConfig := func() {}
	var closeOnFailure io.Closer // the config pipe's write end
	if sp.config != nil {
		var evW, cfgR, cfgW *os.File
		if evR, evW, err = pipe(); err != nil {
			return nil, err
		}
		if cfgR, cfgW, err = pipe(); err != nil {
			return nil, err
		}
		closeAfterStart = append(closeAfterStart, evW, cfgR)
		if err := passFiles(cmd, evW, cfgR); err != nil {
			evR.Close()
			cfgW.Close()
			return nil, fmt.Errorf("start %s: %w", sp.side, err)
		}
		var release chan struct{}
		if sp.early {
			sp.config.WaitForStart = true
			release = make(chan struct{})
			p.release = release
		}
		sendConfig = func() {
			// The config goes in after the start, so a big one cannot
			// block on a full pipe before the child reads it. An early
			// child then waits for one more line: the go.
			go func() {
				defer cfgW.Close()
				if json.NewEncoder(cfgW).Encode(sp.config) != nil || release == nil {
					return
				}
				<-release
				p.mu.Lock()
				killed := p.killed
				p.mu.Unlock()
				if !killed {
					cfgW.Write([]byte(childproto.Go + "\n"))
				}
			}()
		}
		closeOnFailure = cfgW
		readers = append(readers, evR)
	}

	if err := cmd.Start(); err != nil {
		for _, r := range readers {
			r.Close()
		}
		if closeOnFailure != nil {
			closeOnFailure.Close()
		}
		return nil, fmt.Errorf("start %s: %w", sp.side, err)
	}
	p.cmd = cmd
	t, err := newTree(cmd, sp.limits)
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		for _, r := range readers {
			r.Close()
		}
		if closeOnFailure != nil {
			closeOnFailure.Close()
		}
		return nil, fmt.Errorf("start %s: %w", sp.side, err)
	}
	p.tree = t
	if err := applyLimits(cmd.Process.Pid, sp.limits); err != nil {
		t.kill()
		cmd.Wait()
		t.release()
		for _, r := range readers {
			r.Close()
		}
		if closeOnFailure != nil {
			closeOnFailure.Close()
		}
		return nil, fmt.Errorf("start %s: set limits: %w", sp.side, err)
	}
	exited := make(chan struct{})
	go p.watch(sp.limits, exited)
	sendConfig()

	var wg sync.WaitGroup
	crash := &crashScanner{}
	wg.Add(2)
	go func() { defer wg.Done(); p.readRaw(outR, event.Stdout, msgs, nil) }()
	go func() { defer wg.Done(); p.readRaw(errR, event.Stderr, msgs, crash) }()
	if evR != nil {
		wg.Add(1)
		go func() { defer wg.Done(); p.readEvents(evR, msgs) }()
	}
	go func() {
		err := cmd.Wait()
		close(exited)
		// Whatever the program started and left behind ends with it.
		t.kill()
		t.release()
		// Output still in the pipes is read, but a grandchild that holds a
		// pipe open must not keep the run waiting.
		drained := make(chan struct{})
		go func() { wg.Wait(); close(drained) }()
		select {
		case <-drained:
		case <-time.After(500 * time.Millisecond):
			for _, r := range readers {
				r.SetReadDeadline(time.Now())
			}
			<-drained
		}
		for _, r := range readers {
			r.Close()
		}
		st := &exitStatus{code: exitCode(err), crash: crash.first, maxRSS: maxRSS(cmd.ProcessState)}
		p.mu.Lock()
		st.killed, st.breach = p.killed, p.breach
		p.mu.Unlock()
		if st.breach == "" {
			st.breach = sp.limits.stoppedBy(st.crash)
		}
		msgs <- message{side: p.side, t: event.Now(), exit: st}
	}()
	return p, nil
}

// exitCode returns the exit status in err from cmd.Wait (-1 for a signal).
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// readEvents decodes the child's event stream.
func (p *process) readEvents(r io.Reader, msgs chan<- message) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	for {
		var m childproto.Message
		if err := dec.Decode(&m); err != nil {
			return
		}
		msgs <- message{side: p.side, ev: m.Event, t: time.Duration(m.T)}
	}
}

// readRaw turns what a process wrote to a real descriptor into line events,
// stamped as they arrive. Under the interpreter this is only a runtime
// crash, whose interpreter-internal stack is cut off after the first line.
func (p *process) readRaw(r io.Reader, kind event.Kind, msgs chan<- message, crash *crashScanner) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if crash != nil && !crash.take(line, p.native) {
			continue
		}
		msgs <- message{side: p.side, ev: event.Event{Side: p.side, Kind: kind, Text: line}, t: event.Now()}
	}
	io.Copy(io.Discard, r)
}

// crashScanner notices a Go runtime crash report on standard error and
// keeps only what helps a learner: the panic line and, for a compiled
// program, the frames in package main.
type crashScanner struct {
	first    string // "panic: …" or "fatal error: …"
	inTrace  bool
	wantFile bool
}

// take reports whether a line of standard error should be shown.
func (c *crashScanner) take(line string, native bool) bool {
	if c.first == "" && (strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ")) {
		c.first = line
		return true
	}
	if c.first == "" {
		return true
	}
	if strings.HasPrefix(line, "goroutine ") && strings.HasSuffix(line, ":") {
		c.inTrace = true
		return false
	}
	if !c.inTrace {
		return line != ""
	}
	if !native {
		return false // the interpreter's own frames mean nothing to a learner
	}
	if strings.HasPrefix(line, "main.") {
		c.wantFile = true
		return true
	}
	if c.wantFile {
		c.wantFile = false
		return true
	}
	return false
}

// watch measures the program's use against its limits until it exits,
// and stops it at the first breach.
func (p *process) watch(l Limits, exited <-chan struct{}) {
	if !limitsMeasured {
		return
	}
	tick := time.NewTicker(LimitPoll)
	defer tick.Stop()
	for {
		select {
		case <-exited:
			return
		case <-tick.C:
		}
		u, ok := measure(p.cmd.Process.Pid)
		if !ok {
			return
		}
		if msg := l.breach(u); msg != "" {
			p.mu.Lock()
			p.breach = msg
			p.mu.Unlock()
			p.kill()
			return
		}
	}
}

// kill stops the whole process group at once and marks the end as ours.
func (p *process) kill() {
	p.mu.Lock()
	p.killed = true
	p.mu.Unlock()
	p.tree.kill()
	p.start()
}

// start lets an early child run its program (once; later calls do nothing).
func (p *process) start() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.release != nil {
		close(p.release)
		p.release = nil
	}
}

// feed writes the client's input and closes its stdin.
func (p *process) feed(ctx context.Context, input io.Reader) {
	if p.stdin == nil {
		return
	}
	defer p.stdin.Close()
	if input == nil {
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		io.Copy(p.stdin, input)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
}
