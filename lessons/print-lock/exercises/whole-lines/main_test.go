package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// recorder is a writer that keeps everything written to it. Each Write is kept
// whole, as os.Stdout keeps each write whole, and then lets other goroutines run.
type recorder struct {
	mu  sync.Mutex // guards buf
	buf strings.Builder
}

func (r *recorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	r.buf.Write(p)
	r.mu.Unlock()
	runtime.Gosched()
	return len(p), nil
}

func (r *recorder) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf.String()
}

func checkLines(t *testing.T, n int) {
	t.Helper()
	var r recorder
	greet(&r, n)
	out := r.String()
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("greet(w, %d) wrote %q, which does not end with a newline", n, out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Errorf("greet(w, %d) wrote %d lines, want %d:\n%s", n, len(lines), n, out)
	}
	seen := map[string]bool{}
	var broken []string
	for _, line := range lines {
		var i int
		if _, err := fmt.Sscanf(line, "Hello Num %d", &i); err != nil || line != fmt.Sprint("Hello Num ", i) || i < 0 || i >= n {
			broken = append(broken, line)
			continue
		}
		if seen[line] {
			t.Errorf("greet(w, %d) wrote %q twice", n, line)
		}
		seen[line] = true
	}
	if len(broken) > 0 {
		t.Errorf("greet(w, %d) wrote %d lines that are not Hello Num followed by a number from 0 to %d, such as %q",
			n, len(broken), n-1, broken[0])
	}
}

func TestTwentyLinesAreWhole(t *testing.T) { checkLines(t, 20) }

func TestFiftyLinesAreWhole(t *testing.T) { checkLines(t, 50) }

func TestOneLine(t *testing.T) { checkLines(t, 1) }
