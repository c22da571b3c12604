package main

import (
	"fmt"
	"sync"
	"testing"
)

func TestNoUpdateIsLost(t *testing.T) {
	s := newStore(map[string]int{"count": 100})
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() { s.add("count", -1) })
	}
	wg.Wait()
	if got := s.snapshot()["count"]; got != 0 {
		t.Errorf("100 goroutines each added -1 to count = 100, and count ended at %d, want 0", got)
	}
}

func TestSeveralKeysAtOnce(t *testing.T) {
	s := newStore(map[string]int{})
	var wg sync.WaitGroup
	for k := range 5 {
		key := fmt.Sprint("key", k)
		for range 10 {
			wg.Go(func() { s.add(key, 1) })
		}
	}
	wg.Wait()
	snap := s.snapshot()
	for k := range 5 {
		key := fmt.Sprint("key", k)
		if snap[key] != 10 {
			t.Errorf("10 goroutines each added 1 to %s, and it ended at %d, want 10", key, snap[key])
		}
	}
	if len(snap) != 5 {
		t.Errorf("the store has %d keys, want 5: %v", len(snap), snap)
	}
}

func TestSnapshotIsACopy(t *testing.T) {
	s := newStore(map[string]int{"count": 1})
	snap := s.snapshot()
	snap["count"] = 42
	snap["extra"] = 1
	if got := s.snapshot(); got["count"] != 1 || len(got) != 1 {
		t.Errorf("after the caller changed its snapshot, the store holds %v, want map[count:1]", got)
	}
}

func TestSnapshotHoldsTheEntries(t *testing.T) {
	s := newStore(map[string]int{"a": 1, "b": 2})
	s.add("b", 3)
	if got := s.snapshot(); got["a"] != 1 || got["b"] != 5 || len(got) != 2 {
		t.Errorf("snapshot() = %v, want map[a:1 b:5]", got)
	}
}
