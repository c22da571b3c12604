package main

import (
	"slices"
	"testing"
	"time"
)

func TestReaderGetsEverything(t *testing.T) {
	items := []string{"A", "B", "C", "D"}
	for _, tc := range []struct {
		name         string
		pause, delay time.Duration
		// The writer is done after len(items)*pause; the reader can't finish before
		// it has started, nor much after the writer.
		min, max time.Duration
	}{
		{"reader starts first", 50 * time.Millisecond, 0, 200 * time.Millisecond, 900 * time.Millisecond},
		{"reader starts mid-way", 100 * time.Millisecond, 150 * time.Millisecond, 400 * time.Millisecond, 1100 * time.Millisecond},
		{"reader starts after the writer is done", 20 * time.Millisecond, 300 * time.Millisecond, 300 * time.Millisecond, 1200 * time.Millisecond},
	} {
		start := time.Now()
		done := make(chan []string, 1)
		go func() { done <- transfer(items, tc.pause, tc.delay) }()
		var got []string
		select {
		case got = <-done:
		case <-time.After(2 * time.Second):
			t.Errorf("%s: transfer had not returned after 2s: the reader never learns that the writer is done", tc.name)
			continue
		}
		elapsed := time.Since(start)
		if !slices.Equal(got, items) {
			t.Errorf("%s: the reader got %q, want %q", tc.name, got, items)
		}
		if elapsed < tc.min || elapsed >= tc.max {
			t.Errorf("%s: transfer took %v, want between %v and %v", tc.name, elapsed, tc.min, tc.max)
		}
	}
}
