package main

import (
	"slices"
	"testing"
	"time"
)

const ms = time.Millisecond

func TestJobsOverlap(t *testing.T) {
	lengths := []time.Duration{100 * ms, 300 * ms, 200 * ms}
	start := time.Now()
	runJobs(lengths)
	elapsed := time.Since(start)
	if elapsed < 300*ms || elapsed >= 450*ms {
		t.Errorf("jobs of 100, 300 and 200 ms took %v, want about 300ms (the longest), not 600ms (the sum)", elapsed.Round(ms))
	}
}

func TestFinishOrder(t *testing.T) {
	got := runJobs([]time.Duration{100 * ms, 300 * ms, 200 * ms})
	if want := []int{0, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("jobs of 100, 300 and 200 ms finished in the order %v, want %v (shortest first)", got, want)
	}
}

func TestEveryJobOnce(t *testing.T) {
	lengths := make([]time.Duration, 20)
	for i := range lengths {
		lengths[i] = 50 * ms
	}
	got := runJobs(lengths)
	sorted := slices.Sorted(slices.Values(got))
	want := make([]int, 20)
	for i := range want {
		want[i] = i
	}
	if !slices.Equal(sorted, want) {
		t.Errorf("20 jobs of 50ms each reported %v, want each of 0 to 19 exactly once", got)
	}
}
