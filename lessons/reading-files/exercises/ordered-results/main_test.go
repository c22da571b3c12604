package main

import (
	"slices"
	"testing"
	"time"
)

const ms = time.Millisecond

var names = []string{"a.txt", "b.txt", "c.txt", "d.txt"}

// backwards reads a.txt in 200ms, b.txt in 150ms, c.txt in 100ms and d.txt in 50ms,
// so the reads finish in the opposite order to the list.
func backwards(name string) string {
	delay := map[string]time.Duration{"a.txt": 200 * ms, "b.txt": 150 * ms, "c.txt": 100 * ms, "d.txt": 50 * ms}
	time.Sleep(delay[name])
	return "contents of " + name
}

func TestReadsOverlap(t *testing.T) {
	start := time.Now()
	readAll(names, backwards)
	elapsed := time.Since(start)
	if elapsed < 200*ms || elapsed >= 350*ms {
		t.Errorf("reads of 200, 150, 100 and 50 ms took %v, want about 200ms (the slowest), not 500ms (the sum)", elapsed.Round(ms))
	}
}

func TestResultsInOrder(t *testing.T) {
	got := readAll(names, backwards)
	want := []string{"contents of a.txt", "contents of b.txt", "contents of c.txt", "contents of d.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("readAll(%v) = %q, want %q", names, got, want)
	}
}
