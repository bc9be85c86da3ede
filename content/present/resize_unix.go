//go:build unix

package present

import (
	"os"
	"os/signal"
	"syscall"
)

// watchResize forwards SIGWINCH to c until the returned function is
// called.
func watchResize(_ *TTY, c chan<- struct{}) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGWINCH)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-sig:
				notify(c)
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
