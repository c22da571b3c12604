package main

import (
	"sync"
	"testing"
	"time"
)

func TestEveryWorkerRunsOnce(t *testing.T) {
	var mu sync.Mutex
	seen := map[int]int{}
	runWorkers(10, func(id int) {
		mu.Lock()
		seen[id]++
		mu.Unlock()
	})
	mu.Lock()
	defer mu.Unlock()
	for id := 1; id <= 10; id++ {
		if seen[id] != 1 {
			t.Errorf("worker %d ran %d times, want once", id, seen[id])
		}
	}
	if len(seen) != 10 {
		t.Errorf("workers ran with %d different numbers, want 10 (1 to 10): %v", len(seen), seen)
	}
}

func TestAllFinishedOnReturn(t *testing.T) {
	var mu sync.Mutex
	finished := 0
	runWorkers(10, func(id int) {
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		finished++
		mu.Unlock()
	})
	mu.Lock()
	defer mu.Unlock()
	if finished != 10 {
		t.Errorf("runWorkers returned when %d of 10 workers had finished, want all 10", finished)
	}
}

func TestWorkersOverlap(t *testing.T) {
	const length = 100 * time.Millisecond
	start := time.Now()
	runWorkers(10, func(id int) { time.Sleep(length) })
	elapsed := time.Since(start)
	if elapsed < length || elapsed >= 3*length {
		t.Errorf("ten workers of %v took %v, want about %v: one worker's time, not the sum", length, elapsed, length)
	}
}
