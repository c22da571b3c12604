package main

import (
	"slices"
	"testing"
	"time"
)

func TestMainWaitsForTheHelper(t *testing.T) {
	got := run(100 * time.Millisecond)
	if !slices.Contains(got, "helper of World reports") {
		t.Fatalf("run returned %q: the helper had not reported when run returned", got)
	}
	want := []string{
		"hello World",
		"process World is done",
		"helper of World reports",
		"main: done",
	}
	if !slices.Equal(got, want) {
		t.Errorf("run logged %q, want %q (process must not wait for its helper)", got, want)
	}
}

func TestRunTakesAsLongAsTheHelper(t *testing.T) {
	start := time.Now()
	run(200 * time.Millisecond)
	if elapsed := time.Since(start); elapsed < 200*time.Millisecond || elapsed >= 400*time.Millisecond {
		t.Errorf("run with a 200ms helper took %v, want about 200ms", elapsed)
	}
}
