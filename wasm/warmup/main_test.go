package main

import (
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestWarmUpRunsToTheEnd runs the warm-up program natively: the build worker only builds
// it, so this is what shows it does what a lesson program would, to the end: its workers
// share the jobs, the second job of each name is reported, and nothing times out.
func TestWarmUpRunsToTheEnd(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	main()
	os.Stdout = stdout
	w.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("the warm-up printed %d lines, want 3 (two repeated jobs, then the summary):\n%s", len(lines), out)
	}
	seen := regexp.MustCompile(`^error: job \d \([ab]\): seen before$`)
	for _, l := range lines[:2] {
		if !seen.MatchString(l) {
			t.Errorf("line %q, want a job seen before", l)
		}
	}
	if lines[0] == lines[1] {
		t.Errorf("the same job was reported twice: %q", lines[0])
	}
	if summary := regexp.MustCompile(`^4 done, "job \d \([ab]\)", 3\.5 6$`); !summary.MatchString(lines[2]) {
		t.Errorf("last line %q, want the summary of 4 jobs", lines[2])
	}
}
