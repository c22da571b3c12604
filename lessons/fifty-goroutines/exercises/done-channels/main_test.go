package main

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

const ms = time.Millisecond

// fifty is the names t-0 to t-49.
func fifty() []string {
	var names []string
	for i := range 50 {
		names = append(names, fmt.Sprintf("t-%d", i))
	}
	return names
}

func TestNothingRunsAfterReturn(t *testing.T) {
	var running, finished atomic.Int32
	runAll(fifty(), func(name string) {
		running.Add(1)
		defer running.Add(-1)
		time.Sleep(1200 * ms) // longer than a one-second guess
		finished.Add(1)
	})
	if n := running.Load(); n != 0 {
		t.Errorf("runAll returned while %d tasks were still running", n)
	}
	if n := finished.Load(); n != 50 {
		t.Errorf("runAll returned when %d of 50 tasks had finished, want 50", n)
	}
}

func TestWaitsAsLongAsTheSlowest(t *testing.T) {
	var finished atomic.Int32
	start := time.Now()
	runAll(fifty(), func(name string) {
		var i int
		fmt.Sscanf(name, "t-%d", &i)
		time.Sleep(time.Duration(50+i*4) * ms) // 50 ms to 246 ms
		finished.Add(1)
	})
	elapsed := time.Since(start)
	if n := finished.Load(); n != 50 {
		t.Errorf("runAll returned when %d of 50 tasks had finished, want 50", n)
	}
	if elapsed < 246*ms || elapsed >= 400*ms {
		t.Errorf("fifty tasks of 50 to 246 ms took %v, want about 246ms: as long as the slowest", elapsed.Round(ms))
	}
}
