package main

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestAnswersInOrder(t *testing.T) {
	ids := []int{42, 7, 19, 3, 88, 1, 56}
	var mu sync.Mutex
	calls := map[int]int{}
	got := lookupAll(ids, func(id int) string {
		mu.Lock()
		calls[id]++
		mu.Unlock()
		// Small ids answer last, so answers arrive in a different order from ids.
		time.Sleep(time.Duration(100-id) * time.Millisecond / 10)
		return fmt.Sprint("user-", id)
	})
	if len(got) != len(ids) {
		t.Fatalf("lookupAll(%d ids) returned %d answers, want %d", len(ids), len(got), len(ids))
	}
	for i, id := range ids {
		if want := fmt.Sprint("user-", id); got[i] != want {
			t.Errorf("answer %d = %q, want %q: answers must come back in the order of ids", i, got[i], want)
		}
		if calls[id] != 1 {
			t.Errorf("lookup(%d) was called %d times, want once", id, calls[id])
		}
	}
}

func TestWaitsOverlap(t *testing.T) {
	ids := make([]int, 200)
	for i := range ids {
		ids[i] = i
	}
	start := time.Now()
	lookupAll(ids, func(id int) string {
		time.Sleep(10 * time.Millisecond)
		return ""
	})
	elapsed := time.Since(start)
	if elapsed < 10*time.Millisecond || elapsed >= 60*time.Millisecond {
		t.Errorf("200 lookups of 10ms took %v, want about 10ms: every lookup should be waiting at the same time", elapsed)
	}
}
