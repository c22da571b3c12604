package main

import (
	"testing"
	"time"
)

func TestSleepAllTakesTheLongestNap(t *testing.T) {
	naps := []time.Duration{200 * time.Millisecond, 400 * time.Millisecond, 300 * time.Millisecond}
	start := time.Now()
	sleepAll(naps)
	elapsed := time.Since(start)
	if elapsed < 400*time.Millisecond {
		t.Fatalf("sleepAll returned after %v, before the 400ms sleeper was awake", elapsed)
	}
	if elapsed >= 700*time.Millisecond {
		t.Errorf("sleepAll took %v, want about 400ms (the longest nap): do the sleepers still take turns?", elapsed)
	}
}

func TestSleepAllWithOneSleeper(t *testing.T) {
	start := time.Now()
	sleepAll([]time.Duration{300 * time.Millisecond})
	if elapsed := time.Since(start); elapsed < 300*time.Millisecond || elapsed >= 600*time.Millisecond {
		t.Errorf("sleepAll with one 300ms nap took %v, want about 300ms", elapsed)
	}
}
