package main

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestInParallel(t *testing.T) {
	for _, tt := range []struct{ limit, count int }{{1, 5}, {2, 9}, {4, 3}, {0, 2}} {
		var running, most atomic.Int32
		var mu sync.Mutex
		done := map[int]bool{}
		inParallel(tt.limit, tt.count, func(i int) {
			n := running.Add(1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(time.Millisecond) // let others start if they may
			running.Add(-1)
			mu.Lock()
			done[i] = true
			mu.Unlock()
		})
		if len(done) != tt.count {
			t.Errorf("limit %d: %d of %d calls made", tt.limit, len(done), tt.count)
		}
		if int(most.Load()) > max(tt.limit, 1) {
			t.Errorf("limit %d: %d calls at once", tt.limit, most.Load())
		}
	}
}
