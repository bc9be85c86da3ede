package netwire

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	"sockbook/runner/childproto"
	"sockbook/runner/event"
)

// Session is the link between a program's process and the runner: the
// config it was started with, the event stream, and the wait for the go.
type Session struct {
	Config childproto.Config
	Events *Emitter
	// Wait, if set, blocks until the runner says the program may start,
	// and reports whether it did.
	Wait func() bool
	// Config descriptor and what was read of it past the config, for a
	// hand-over to another program.
	configFile *os.File
	buffered   []byte
}

// Open reads the config the runner gave this process: from the
// environment when a child handed its program over to a compiled one
// (see childproto.HandOverEnv), else from the config descriptor.
func Open() (*Session, error) {
	events, configFile, err := childproto.Files()
	if err != nil {
		return nil, fmt.Errorf("sockbook: %w", err)
	}
	s := &Session{configFile: configFile}
	var rest io.Reader
	if handed := os.Getenv(childproto.HandOverEnv); handed != "" {
		if err := json.Unmarshal([]byte(handed), &s.Config); err != nil {
			return nil, fmt.Errorf("sockbook: read the handed-over config: %w", err)
		}
		rest = io.MultiReader(strings.NewReader(os.Getenv(childproto.HandOverBufferedEnv)), configFile)
		os.Unsetenv(childproto.HandOverEnv)
		os.Unsetenv(childproto.HandOverBufferedEnv)
	} else {
		dec := json.NewDecoder(configFile)
		if err := dec.Decode(&s.Config); err != nil {
			return nil, fmt.Errorf("sockbook child: read config: %w", err)
		}
		s.buffered, _ = io.ReadAll(dec.Buffered())
		rest = io.MultiReader(strings.NewReader(string(s.buffered)), configFile)
	}
	s.Events = NewEmitter(events, s.Config.Side)
	if s.Config.WaitForStart {
		r := bufio.NewReader(rest)
		s.Wait = func() bool {
			defer configFile.Close()
			for {
				line, err := r.ReadString('\n')
				if word := strings.TrimSpace(line); word != "" || err != nil {
					return word == childproto.Go
				}
			}
		}
	} else {
		configFile.Close()
	}
	return s, nil
}

// HandOverEnv returns the environment entries that hand this session to a
// program started in this process's place.
func (s *Session) HandOverEnv() ([]string, error) {
	b, err := json.Marshal(s.Config)
	if err != nil {
		return nil, err
	}
	return []string{childproto.HandOverEnv + "=" + string(b), childproto.HandOverBufferedEnv + "=" + string(s.buffered)}, nil
}

// compiled is the state of a compiled program run under sockbook.
type compiled struct {
	session *Session
	streams []*SyncedStream
	once    sync.Once
	stop    chan struct{} // ends the periodic sync
}

// program is the one compiled program of this process, once Main runs.
var program compiled

// Main runs a compiled program's main function the way the interpreter's
// child runs an interpreted one: the program's socket calls and each line
// of its standard output and error become events, stamped here; it waits
// for the runner's go when asked to; and it reports its exit. sockbook's
// compiled engine renames the program's main to userMain and calls Main
// from a main of its own.
func Main(userMain func()) {
	s, err := Open()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(childproto.CodeSetup)
	}
	program.session = s
	for _, std := range []struct {
		f    **os.File
		kind event.Kind
	}{{&os.Stdout, event.Stdout}, {&os.Stderr, event.Stderr}} {
		ls, err := NewSyncedStream(s.Events, std.kind)
		if err != nil {
			fmt.Fprintf(os.Stderr, "sockbook: %v\n", err)
			os.Exit(childproto.CodeSetup)
		}
		*std.f = ls.File()
		program.streams = append(program.streams, ls)
	}
	log.SetOutput(os.Stderr)
	installSynced(s.Events, s.Config.Redirect, program.sync)
	program.stop = make(chan struct{})
	go program.syncEvery(10 * time.Millisecond)
	if s.Wait != nil && !s.Wait() {
		os.Exit(childproto.CodeSetup) // the runner never gave the go: the run is over
	}
	RestoreGC()
	s.Events.Emit(event.Event{Kind: event.Start, Text: strings.Join(os.Args, " ")})
	defer func() {
		if v := recover(); v != nil {
			// Report what was printed; the runtime then reports the panic.
			program.flush()
			panic(v)
		}
	}()
	userMain()
	Exit(0)
}

// sync reports the output written by t (zero: now).
func (c *compiled) sync(t time.Duration) {
	for _, s := range c.streams {
		s.Sync(t)
	}
}

// syncEvery reports the output of a program that makes no socket calls.
func (c *compiled) syncEvery(d time.Duration) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.sync(0)
		}
	}
}

// flush reports the output still in the streams and closes them.
func (c *compiled) flush() {
	if c.stop != nil {
		close(c.stop)
	}
	for _, s := range c.streams {
		s.Close()
	}
}

// Exit is os.Exit for a compiled program: the output still on its way is
// reported first, then the exit.
func Exit(code int) {
	program.once.Do(func() {
		program.flush()
		if s := program.session; s != nil {
			s.Events.Emit(event.Event{Kind: event.Exit, Code: code, Text: fmt.Sprintf("exit status %d", code)})
			s.Events.Close()
		}
	})
	os.Exit(code)
}

// Fatal is log.Fatal for a compiled program.
func Fatal(v ...any) {
	log.Output(2, fmt.Sprint(v...))
	Exit(1)
}

// Fatalf is log.Fatalf for a compiled program.
func Fatalf(format string, v ...any) {
	log.Output(2, fmt.Sprintf(format, v...))
	Exit(1)
}

// Fatalln is log.Fatalln for a compiled program.
func Fatalln(v ...any) {
	log.Output(2, fmt.Sprintln(v...))
	Exit(1)
}
