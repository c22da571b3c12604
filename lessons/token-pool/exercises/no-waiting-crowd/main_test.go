package main

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

// stats is what a run of runAll looked like from inside its tasks.
type stats struct {
	peak       int   // most tasks running at once
	goroutines int   // most goroutines alive at once, beyond those alive before runAll
	runs       []int // how many times each task ran
	elapsed    time.Duration
}

// watch runs runAll with n tasks that each sleep for d.
func watch(n, limit int, d time.Duration) stats {
	s := stats{runs: make([]int, n)}
	var mu sync.Mutex
	running := 0
	base := runtime.NumGoroutine()
	start := time.Now()
	runAll(n, limit, func(i int) {
		mu.Lock()
		running++
		s.peak = max(s.peak, running)
		s.goroutines = max(s.goroutines, runtime.NumGoroutine()-base)
		s.runs[i]++
		mu.Unlock()

		time.Sleep(d)

		mu.Lock()
		running--
		mu.Unlock()
	})
	s.elapsed = time.Since(start)
	return s
}

func TestFewGoroutinesAlive(t *testing.T) {
	s := watch(30, 5, 20*time.Millisecond)
	// A goroutine that has just handed its token back may not have exited yet when
	// the next one starts, so allow some slack above the limit.
	if s.goroutines > 2*5+2 {
		t.Errorf("runAll(30, 5, ...): up to %d task goroutines were alive at once, want about 5: tasks that may not run yet should not have a goroutine", s.goroutines)
	}
}

func TestLimitHolds(t *testing.T) {
	for _, limit := range []int{1, 3, 5} {
		s := watch(12, limit, 20*time.Millisecond)
		if s.peak > limit {
			t.Errorf("runAll(12, %d, ...): %d tasks ran at once, want at most %d", limit, s.peak, limit)
		}
		if s.peak < limit {
			t.Errorf("runAll(12, %d, ...): at most %d tasks ran at once, want %d: not every token was used", limit, s.peak, limit)
		}
	}
}

func TestEveryTaskRunsOnce(t *testing.T) {
	s := watch(12, 3, 20*time.Millisecond)
	for i, r := range s.runs {
		if r != 1 {
			t.Errorf("runAll(12, 3, ...): task %d ran %d times, want 1", i, r)
		}
	}
}

func TestFourRounds(t *testing.T) {
	s := watch(20, 5, 50*time.Millisecond)
	if s.elapsed < 200*time.Millisecond || s.elapsed >= 350*time.Millisecond {
		t.Errorf("runAll(20, 5, ...) with 50ms tasks took %v, want about 200ms: four rounds of five", s.elapsed)
	}
}
