//go:build !unix

package present

import "time"

// resizePoll is how often the size is asked where no signal says that
// it changed (Windows).
const resizePoll = 250 * time.Millisecond

// watchResize asks t's size every resizePoll and sends on c when it
// changed, until the returned function is called.
func watchResize(t *TTY, c chan<- struct{}) (stop func()) {
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(resizePoll)
		defer tick.Stop()
		w, h, _ := t.Size()
		for {
			select {
			case <-tick.C:
				if nw, nh, err := t.Size(); err == nil && (nw != w || nh != h) {
					w, h = nw, nh
					notify(c)
				}
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}
