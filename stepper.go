package main

import (
	"fmt"
	"sync"

	"sockbook/content/present"
	"sockbook/runner/event"
)

// stepper holds a run's events and shows one per key press (--step): the
// programs run at full speed, only the display waits.
type stepper struct {
	env       *cliEnv
	help      string // how to step, said once at the start
	show      func(event.Event)
	interrupt func() // Ctrl-C, which raw mode delivers as a key
	keys      <-chan present.KeyRead
	// raw reports whether the terminal is in raw mode: output then needs
	// crlfWriter.
	raw         bool
	stopReading func()
	pending     []present.Key // keys read but not acted on yet

	mu      sync.Mutex
	cond    *sync.Cond
	queue   []event.Event
	done    bool // the run is over: no more events will come
	shownCh chan struct{}
}

// newStepper takes the keyboard; call start with the function that shows
// an event once the output is set up (see raw).
func newStepper(env *cliEnv, interrupt func(), help string) *stepper {
	s := &stepper{env: env, help: help, interrupt: interrupt, shownCh: make(chan struct{})}
	s.keys, s.raw, s.stopReading = env.keyboard()
	s.cond = sync.NewCond(&s.mu)
	return s
}

// start begins showing events with show.
func (s *stepper) start(show func(event.Event)) {
	s.show = show
	go s.loop()
}

// add queues an event (called by the runner, in time order).
func (s *stepper) add(ev event.Event) {
	s.mu.Lock()
	s.queue = append(s.queue, ev)
	s.mu.Unlock()
	s.cond.Signal()
}

// finish says the run is over, waits until every event was shown and
// gives the keyboard back.
func (s *stepper) finish() {
	s.mu.Lock()
	s.done = true
	s.mu.Unlock()
	s.cond.Signal()
	<-s.shownCh
	s.stopReading()
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

// waitKey waits for a key that moves the display on, and reports whether
// to go on stepping (false: show the rest at once).
func (s *stepper) waitKey() bool {
	for {
		for len(s.pending) > 0 {
			k := s.pending[0]
			s.pending = s.pending[1:]
			switch k {
			case present.KeyCtrlC:
				s.interrupt() // stop the programs too
				return false
			case "c", "q":
				return false
			case present.KeyEnter, present.KeySpace:
				return true
			}
		}
		r, open := <-s.keys
		if !open || r.Err != nil {
			return false
		}
		s.pending = r.Keys
	}
}

func (s *stepper) loop() {
	defer close(s.shownCh)
	fmt.Fprint(s.env.stderr, s.help)
	stepping := true
	for {
		ev, ok := s.next()
		if !ok {
			return
		}
		s.show(ev)
		if stepping {
			stepping = s.waitKey()
		}
	}
}
