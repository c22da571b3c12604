package main

import (
	"testing"
	"time"
)

func TestTotalIsExact(t *testing.T) {
	if got := sumOfResults(); got != 1045 {
		t.Errorf("sumOfResults() = %d, want 1045: callbacks ran at the same time and lost updates", got)
	}
}

func TestCallbacksWaitForJoin(t *testing.T) {
	calls := 0 // no lock: only the goroutine that calls Join may touch it
	pool := NewPool(5)
	for i := range 10 {
		pool.ApplyAsync(func() int {
			time.Sleep(20 * time.Millisecond)
			return i
		}, func(int) { calls++ })
	}
	pool.Close()

	time.Sleep(200 * time.Millisecond) // every task is done by now
	if calls != 0 {
		t.Errorf("%d callbacks ran before Join was called, want 0: workers must not call them", calls)
	}
	pool.Join()
	if calls != 10 {
		t.Errorf("after Join, %d callbacks had run, want 10", calls)
	}
}

func TestTasksStillParallel(t *testing.T) {
	start := time.Now()
	pool := NewPool(5)
	for range 10 {
		pool.ApplyAsync(func() int {
			time.Sleep(100 * time.Millisecond)
			return 0
		}, func(int) {})
	}
	pool.Close()
	pool.Join()
	// Ten 100 ms tasks on five workers: two rounds.
	if elapsed := time.Since(start); elapsed < 200*time.Millisecond || elapsed >= 450*time.Millisecond {
		t.Errorf("ten 100ms tasks on a pool of 5 took %v from the first submit to the end of Join, want about 200ms", elapsed)
	}
}
