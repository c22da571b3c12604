package main

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// watched returns n tasks that each take 50 ms and return n*n, and counters that record
// how many times each task ran and the most tasks that were ever running at once.
func watched(n int) (tasks []func() int, runs []atomic.Int32, peak *atomic.Int32) {
	runs = make([]atomic.Int32, n)
	peak = new(atomic.Int32)
	var running atomic.Int32
	var mu sync.Mutex
	for i := range n {
		tasks = append(tasks, func() int {
			now := running.Add(1)
			mu.Lock()
			if now > peak.Load() {
				peak.Store(now)
			}
			mu.Unlock()
			runs[i].Add(1)
			time.Sleep(50 * time.Millisecond)
			running.Add(-1)
			return i * i
		})
	}
	return tasks, runs, peak
}

func TestResultsInTaskOrder(t *testing.T) {
	pool := NewPool(4)
	defer pool.Close()
	tasks, runs, _ := watched(20)

	got := runAll(pool, tasks)

	want := make([]int, 20)
	for i := range want {
		want[i] = i * i
	}
	if !slices.Equal(got, want) {
		t.Errorf("runAll returned %v, want %v", got, want)
	}
	for i := range runs {
		if n := runs[i].Load(); n != 1 {
			t.Errorf("task %d ran %d times, want 1", i, n)
		}
	}
}

func TestTasksOverlap(t *testing.T) {
	pool := NewPool(4)
	defer pool.Close()
	tasks, _, peak := watched(20)

	start := time.Now()
	runAll(pool, tasks)
	elapsed := time.Since(start)

	// Twenty 50 ms tasks on four workers: five rounds, 250 ms.
	if elapsed < 250*time.Millisecond || elapsed >= 500*time.Millisecond {
		t.Errorf("runAll took %v for twenty 50ms tasks on 4 workers, want about 250ms", elapsed)
	}
	if p := peak.Load(); p != 4 {
		t.Errorf("the most tasks running at once was %d, want 4 (one per worker)", p)
	}
}

func TestNoMoreThanThePool(t *testing.T) {
	pool := NewPool(2)
	defer pool.Close()
	tasks, _, peak := watched(6)

	runAll(pool, tasks)

	if p := peak.Load(); p > 2 {
		t.Errorf("%d tasks ran at once on a pool of 2 workers: tasks must run on the pool", p)
	}
}
