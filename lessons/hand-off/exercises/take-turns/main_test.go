package main

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

const ms = time.Millisecond

// record runs alternate and returns the turns in the order they began and the largest
// number of turns that were under way at one moment.
func record(t *testing.T, turns int) (log []string, peak int) {
	t.Helper()
	var mu sync.Mutex
	active := 0
	turn := func(who string) func(int) {
		return func(i int) {
			mu.Lock()
			log = append(log, fmt.Sprintf("%s %d", who, i))
			active++
			peak = max(peak, active)
			mu.Unlock()
			time.Sleep(20 * ms) // a turn takes a while
			mu.Lock()
			active--
			mu.Unlock()
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		alternate(turns, turn("eat"), turn("sleep"))
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatalf("alternate(%d, ...) has not returned after 2s: the hand-off is stuck; turns so far: %v", turns, log)
	}
	mu.Lock()
	defer mu.Unlock()
	if active != 0 {
		t.Errorf("alternate returned while %d turns were still under way", active)
	}
	return slices.Clone(log), peak
}

func TestStrictTurns(t *testing.T) {
	log, _ := record(t, 3)
	want := []string{"eat 0", "sleep 0", "eat 1", "sleep 1", "eat 2", "sleep 2"}
	if !slices.Equal(log, want) {
		t.Errorf("turns began in the order %q, want %q", log, want)
	}
}

func TestNeverBothAtOnce(t *testing.T) {
	_, peak := record(t, 3)
	if peak != 1 {
		t.Errorf("%d turns were under way at the same moment, want only ever 1", peak)
	}
}

func TestOneTurnEach(t *testing.T) {
	log, _ := record(t, 1)
	if want := []string{"eat 0", "sleep 0"}; !slices.Equal(log, want) {
		t.Errorf("with one turn each, turns began in the order %q, want %q", log, want)
	}
}
