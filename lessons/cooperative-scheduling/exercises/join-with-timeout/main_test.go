package main

import (
	"testing"
	"time"
)

const ms = time.Millisecond

// nap returns a task that sleeps for d.
func nap(d time.Duration) func() { return func() { time.Sleep(d) } }

func TestAllFinishWithinTheLimit(t *testing.T) {
	start := time.Now()
	n := joinAll(time.Second, nap(50*ms), nap(200*ms), nap(150*ms))
	elapsed := time.Since(start)
	if n != 3 {
		t.Errorf("joinAll(1s, tasks of 50, 200 and 150 ms) = %d, want 3", n)
	}
	if elapsed < 200*ms || elapsed >= 350*ms {
		t.Errorf("joinAll(1s, tasks of 50, 200 and 150 ms) returned after %v, want about 200ms: when the slowest is done", elapsed.Round(ms))
	}
}

func TestGivesUpAtTheLimit(t *testing.T) {
	start := time.Now()
	n := joinAll(300*ms, nap(50*ms), nap(100*ms), nap(1500*ms))
	elapsed := time.Since(start)
	if n != 2 {
		t.Errorf("joinAll(300ms, tasks of 50, 100 and 1500 ms) = %d, want 2", n)
	}
	if elapsed < 300*ms || elapsed >= 450*ms {
		t.Errorf("joinAll(300ms, tasks of 50, 100 and 1500 ms) returned after %v, want about 300ms: the limit", elapsed.Round(ms))
	}
}

func TestNoTasks(t *testing.T) {
	start := time.Now()
	if n := joinAll(time.Second); n != 0 {
		t.Errorf("joinAll(1s) with no tasks = %d, want 0", n)
	}
	if elapsed := time.Since(start); elapsed >= 100*ms {
		t.Errorf("joinAll(1s) with no tasks took %v, want it to return at once", elapsed.Round(ms))
	}
}
