package main

import (
	"sync"
	"testing"
	"time"
)

// watch runs runLimited with jobs that sleep for d, and reports the most calls that
// were inside work at once and how many times each job ran.
func watch(n, limit int, d time.Duration) (peak int, runs []int) {
	var mu sync.Mutex
	inside := 0
	runs = make([]int, n)
	runLimited(n, limit, func(i int) {
		mu.Lock()
		inside++
		peak = max(peak, inside)
		runs[i]++
		mu.Unlock()

		time.Sleep(d)

		mu.Lock()
		inside--
		mu.Unlock()
	})
	return peak, runs
}

func TestPeakIsTheLimit(t *testing.T) {
	for _, tc := range []struct{ n, limit int }{{10, 3}, {8, 1}, {6, 2}, {4, 4}} {
		peak, runs := watch(tc.n, tc.limit, 20*time.Millisecond)
		if peak > tc.limit {
			t.Errorf("runLimited(%d, %d, ...): %d calls ran at once, want at most %d", tc.n, tc.limit, peak, tc.limit)
		}
		if peak < tc.limit {
			t.Errorf("runLimited(%d, %d, ...): at most %d calls ran at once, want %d: the places were not all used", tc.n, tc.limit, peak, tc.limit)
		}
		for i, r := range runs {
			if r != 1 {
				t.Errorf("runLimited(%d, %d, ...): job %d ran %d times, want 1", tc.n, tc.limit, i, r)
			}
		}
	}
}

func TestTwelveJobsInFourRounds(t *testing.T) {
	start := time.Now()
	watch(12, 3, 50*time.Millisecond)
	elapsed := time.Since(start)
	if elapsed < 200*time.Millisecond || elapsed >= 550*time.Millisecond {
		t.Errorf("12 jobs of 50ms with 3 places took %v, want about 200ms (four rounds of three)", elapsed)
	}
}
