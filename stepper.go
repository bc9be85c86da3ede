package main

import (
	"bufio"
	"fmt"
	"os"
	"sync"

	"golang.org/x/term"

	"sockbook/runner/event"
)

// stepper holds a run's events and shows one per key press (--step): the
// programs run at full speed, only the display waits.
type stepper struct {
	env       *cliEnv
	show      func(event.Event)
	interrupt func() // Ctrl-C, which raw mode delivers as a byte

	mu      sync.Mutex
	cond    *sync.Cond
	queue   []event.Event
	done    bool // the run is over: no more events will come
	shownCh chan struct{}
}

func newStepper(env *cliEnv, show func(event.Event), interrupt func()) *stepper {
	s := &stepper{env: env, show: show, interrupt: interrupt, shownCh: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	go s.loop()
	return s
}

// add queues an event (called by the runner, in time order).
func (s *stepper) add(ev event.Event) {
	s.mu.Lock()
	s.queue = append(s.queue, ev)
	s.mu.Unlock()
	s.cond.Signal()
}

// finish says the run is over and waits until every event was shown.
func (s *stepper) finish() {
	s.mu.Lock()
	s.done = true
	s.mu.Unlock()
	s.cond.Signal()
	<-s.shownCh
}

// next waits for the next event; ok is false when there is none left.
func (s *stepper) next() (event.Event, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.queue) == 0 && !s.done {
		s.cond.Wait()
	}
	if len(s.queue) == 0 {
		return event.Event{}, false
	}
	ev := s.queue[0]
	s.queue = s.queue[1:]
	return ev, true
}

func (s *stepper) loop() {
	defer close(s.shownCh)
	keys := make(chan byte)
	if s.env.term.stdinTTY {
		if old, err := term.MakeRaw(int(os.Stdin.Fd())); err == nil {
			defer term.Restore(int(os.Stdin.Fd()), old)
		}
	}
	go func() {
		r := bufio.NewReader(s.env.stdin)
		for {
			b, err := r.ReadByte()
			if err != nil {
				close(keys)
				return
			}
			keys <- b
		}
	}()
	fmt.Fprintln(s.env.stderr, "Step through the transcript: Enter or space for the next event, c to continue to the end.")
	stepping := true
	for {
		ev, ok := s.next()
		if !ok {
			return
		}
		s.show(ev)
		for stepping {
			k, open := <-keys
			if k == 3 { // Ctrl-C: stop the programs too
				s.interrupt()
			}
			if !open || k == 'c' || k == 'q' || k == 3 {
				stepping = false
				break
			}
			if k == '\r' || k == '\n' || k == ' ' {
				break
			}
		}
	}
}
