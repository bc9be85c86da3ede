package runner

import (
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"sockbook/runner/event"
)

// orderer puts events from several processes into time order. Events
// reach it slightly out of order (each process has its own pipe), so when
// streaming it holds each event for a short window before passing it on.
type orderer struct {
	start   atomic.Int64 // the run's time 0, on event.Now's clock
	onEvent func(event.Event)
	in      chan stamped
	done    chan []event.Event

	mu     sync.Mutex
	closed bool // finish was called: later events are dropped
}

type stamped struct {
	ev event.Event
	t  time.Duration
}

// window is how long an event is held back so that a slightly earlier one
// from another process can still overtake it.
const window = 15 * time.Millisecond

func newOrderer(start time.Duration, onEvent func(event.Event)) *orderer {
	o := &orderer{onEvent: onEvent, in: make(chan stamped, 1024), done: make(chan []event.Event, 1)}
	o.start.Store(int64(start))
	go o.loop()
	return o
}

// add queues an event that happened at t (event.Now's clock). It is safe
// for concurrent use.
func (o *orderer) add(ev event.Event, t time.Duration) {
	if t == 0 {
		t = event.Now()
	}
	ev.Time = t // on event.Now's clock until it leaves the orderer
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.closed {
		o.in <- stamped{ev: ev}
	}
}

// relative gives ev its time from the start of the run.
func (o *orderer) relative(ev event.Event) event.Event {
	ev.Time = max(ev.Time-time.Duration(o.start.Load()), 0)
	return ev
}

func (o *orderer) loop() {
	var all, pending []event.Event
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	emit := func(upTo time.Duration) {
		sort.SliceStable(pending, func(i, j int) bool { return pending[i].Time < pending[j].Time })
		n := 0
		for n < len(pending) && pending[n].Time <= upTo {
			if o.onEvent != nil && pending[n].Kind != event.Waiting {
				o.onEvent(o.relative(pending[n]))
			}
			n++
		}
		pending = append(pending[:0], pending[n:]...)
	}
	for {
		select {
		case s, ok := <-o.in:
			if !ok {
				emit(1 << 62)
				sort.SliceStable(all, func(i, j int) bool { return all[i].Time < all[j].Time })
				for i := range all {
					all[i] = o.relative(all[i])
				}
				o.done <- all
				return
			}
			all = append(all, s.ev)
			pending = append(pending, s.ev)
		case <-tick.C:
			emit(event.Now() - window)
		}
	}
}

// finish flushes every event and returns them all in time order, without
// the runner's internal Waiting events.
func (o *orderer) finish() []event.Event {
	o.mu.Lock()
	o.closed = true
	close(o.in)
	o.mu.Unlock()
	all := <-o.done
	out := all[:0]
	for _, ev := range all {
		if ev.Kind != event.Waiting {
			out = append(out, ev)
		}
	}
	return out
}
