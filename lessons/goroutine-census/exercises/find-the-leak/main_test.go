package main

import (
	"runtime"
	"testing"
	"time"
)

var delays = []time.Duration{300 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond}

func TestFastestPicksTheQuickestMirror(t *testing.T) {
	start := time.Now()
	got := fastest(delays)
	elapsed := time.Since(start)
	if got != 1 {
		t.Errorf("fastest(%v) = %d, want 1, the 100ms mirror", delays, got)
	}
	if elapsed < 100*time.Millisecond || elapsed >= 200*time.Millisecond {
		t.Errorf("fastest took %v, want about 100ms: it should return as soon as the first mirror answers", elapsed)
	}
}

func TestFastestLeavesNoGoroutineBehind(t *testing.T) {
	// In the browser, a program that has slept may count one goroutine of the
	// runtime's own, so the count is allowed to be one off.
	time.Sleep(time.Millisecond)
	before := runtime.NumGoroutine()
	for range 5 {
		fastest(delays)
	}
	// Every mirror has answered 300ms after it was asked; wait up to a second for
	// their goroutines to return.
	after := runtime.NumGoroutine()
	for deadline := time.Now().Add(time.Second); after > before+1 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		after = runtime.NumGoroutine()
	}
	if after > before+1 {
		t.Errorf("%d goroutines before five calls to fastest and %d a second after them: %d never returned",
			before, after, after-before)
	}
}
