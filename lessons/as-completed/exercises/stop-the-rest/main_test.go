package main

import (
	"runtime"
	"slices"
	"testing"
	"time"
)

const ms = time.Millisecond

// goroutines counts the goroutines after a short sleep, so that the count is taken in
// the same state as the ones leftBehind takes: in the browser, waiting on a timer
// can leave one goroutine of the runtime's own in the count.
func goroutines() int {
	time.Sleep(ms)
	return runtime.NumGoroutine()
}

// leftBehind reports how many more goroutines there are than before, after giving any
// that are on their way out a moment to finish.
func leftBehind(before int) int {
	deadline := time.Now().Add(100 * ms)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(ms)
	}
	return runtime.NumGoroutine() - before
}

func TestFirstTwo(t *testing.T) {
	before := goroutines()
	start := time.Now()
	got := fastest([]time.Duration{60 * ms, 30 * ms, 5 * time.Second}, 2)
	elapsed := time.Since(start)

	if want := []time.Duration{30 * ms, 60 * ms}; !slices.Equal(got, want) {
		t.Errorf("fastest([60ms 30ms 5s], 2) = %v, want %v", got, want)
	}
	if elapsed < 60*ms || elapsed >= time.Second {
		t.Errorf("fastest([60ms 30ms 5s], 2) took %v, want about 60ms", elapsed)
	}
	if n := leftBehind(before); n > 0 {
		t.Errorf("%d goroutine(s) still running after fastest returned, want 0: the 5s task was not stopped", n)
	}
}

func TestTiesAfterTheFirst(t *testing.T) {
	// Three tasks finish together; fastest needs only one of them.
	before := goroutines()
	got := fastest([]time.Duration{50 * ms, 50 * ms, 50 * ms}, 1)

	if want := []time.Duration{50 * ms}; !slices.Equal(got, want) {
		t.Errorf("fastest([50ms 50ms 50ms], 1) = %v, want %v", got, want)
	}
	if n := leftBehind(before); n > 0 {
		t.Errorf("%d goroutine(s) left behind after fastest([50ms 50ms 50ms], 1), want 0: a finished task is stuck handing over its result", n)
	}
}
