package main

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// logBuffer is an io.Writer that the test can read while writers may still write to it.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// lines returns the lines written so far, sorted: seven writers may reorder them.
func (b *logBuffer) lines() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	lines := strings.Split(strings.TrimSuffix(b.buf.String(), "\n"), "\n")
	if len(lines) == 1 && lines[0] == "" {
		lines = nil
	}
	slices.Sort(lines)
	return lines
}

// indent puts each line on its own indented line.
func indent(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("\n  " + l)
	}
	return b.String()
}

// checkLog fails the test unless the log holds exactly the lines in want, and gains no
// line after run has returned.
func checkLog(t *testing.T, b *logBuffer, want []string) {
	t.Helper()
	slices.Sort(want)
	got := b.lines()
	if !slices.Equal(got, want) {
		t.Errorf("when run returned, the log held %d lines:%s\nwant these %d:%s",
			len(got), indent(got), len(want), indent(want))
	}
	time.Sleep(50 * time.Millisecond)
	if later := b.lines(); len(later) != len(got) {
		t.Errorf("the log held %d lines when run returned and %d lines 50ms later: writers were still running", len(got), len(later))
	}
}

func TestGoodOrders(t *testing.T) {
	var b logBuffer
	err := run(&b, []order{{"bread", 2, 700}, {"rolls", 6, 900}})
	if err != nil {
		t.Fatalf("run with good orders returned %v, want nil", err)
	}
	checkLog(t, &b, []string{
		"service started",
		"order 0: 2 x bread, 700 cents",
		"order 0: 350 cents each",
		"order 1: 6 x rolls, 900 cents",
		"order 1: 150 cents each",
		"service stopped",
	})
}

func TestFailedOrder(t *testing.T) {
	var b logBuffer
	err := run(&b, []order{{"bread", 2, 700}, {"rolls", 6, 900}, {"cake", 0, 0}, {"rolls", 4, 600}})
	if err == nil || !strings.Contains(err.Error(), "divide by zero") {
		t.Errorf("run with an order of 0 cakes returned %v, want an error about the divide by zero", err)
	}
	checkLog(t, &b, []string{
		"service started",
		"order 0: 2 x bread, 700 cents",
		"order 0: 350 cents each",
		"order 1: 6 x rolls, 900 cents",
		"order 1: 150 cents each",
		"order 2: 0 x cake, 0 cents",
	})
}
