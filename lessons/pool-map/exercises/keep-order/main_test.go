package main

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestInputOrder(t *testing.T) {
	// Later inputs take less time, so they finish before the earlier ones.
	inputs := []int{0, 1, 2, 3, 4, 5, 6, 7}
	square := func(x int) int {
		time.Sleep(time.Duration(8-x) * 20 * time.Millisecond)
		return x * x
	}
	got := poolMap(4, inputs, square)
	want := []int{0, 1, 4, 9, 16, 25, 36, 49}
	if !slices.Equal(got, want) {
		t.Errorf("poolMap(4, %v, square) = %v, want %v", inputs, got, want)
	}
}

func TestOtherTypes(t *testing.T) {
	// Equal inputs must each keep their own place too.
	inputs := []string{"b", "a", "b", "c", "a"}
	wait := map[string]time.Duration{"a": 10 * time.Millisecond, "b": 50 * time.Millisecond, "c": 30 * time.Millisecond}
	n := 0
	var mu sync.Mutex
	label := func(s string) string {
		time.Sleep(wait[s])
		mu.Lock()
		defer mu.Unlock()
		n++
		return s + "!"
	}
	got := poolMap(2, inputs, label)
	want := []string{"b!", "a!", "b!", "c!", "a!"}
	if !slices.Equal(got, want) {
		t.Errorf("poolMap(2, %q, label) = %q, want %q", inputs, got, want)
	}
	if n != len(inputs) {
		t.Errorf("f was called %d times for %d inputs, want once per input", n, len(inputs))
	}
}

func TestWorkers(t *testing.T) {
	var mu sync.Mutex
	running, peak, calls := 0, 0, 0
	f := func(x int) string {
		mu.Lock()
		running++
		peak = max(peak, running)
		mu.Unlock()
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		running--
		calls++
		mu.Unlock()
		return fmt.Sprint(x)
	}
	start := time.Now()
	got := poolMap(3, make([]int, 9), f)
	elapsed := time.Since(start)

	mu.Lock()
	defer mu.Unlock()
	if len(got) != 9 || calls != 9 {
		t.Errorf("poolMap over 9 inputs returned %d results after %d calls, want 9 and 9", len(got), calls)
	}
	if peak != 3 {
		t.Errorf("the most calls running at once was %d, want 3 (one per worker)", peak)
	}
	// Nine 100 ms tasks on three workers: three rounds.
	if elapsed < 300*time.Millisecond || elapsed >= 600*time.Millisecond {
		t.Errorf("poolMap(3, ...) took %v for nine 100ms tasks, want about 300ms", elapsed)
	}
}
