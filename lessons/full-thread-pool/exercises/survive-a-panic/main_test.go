package main

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

// call runs safeCall(fn) and reports whether a panic got through it.
func call(fn func() (int, error)) (result int, err error, escaped any) {
	defer func() { escaped = recover() }()
	result, err = safeCall(fn)
	return result, err, nil
}

func TestSafeCallRecovers(t *testing.T) {
	result, err, escaped := call(func() (int, error) { panic("boom") })
	if escaped != nil {
		t.Fatalf("safeCall let the panic %q through: a worker calling it would crash the program", escaped)
	}
	if err == nil {
		t.Fatalf("safeCall(a task that panics with \"boom\") returned %d, nil; want an error", result)
	}
	if !strings.Contains(err.Error(), "boom") {
		t.Errorf("safeCall(a task that panics with \"boom\") returned the error %q, want one that mentions boom", err)
	}
}

func TestSafeCallPassesResultsOn(t *testing.T) {
	if result, err, escaped := call(func() (int, error) { return 7, nil }); result != 7 || err != nil || escaped != nil {
		t.Errorf("safeCall(a task returning 7, nil) = %d, %v; want 7, <nil>", result, err)
	}
	bad := errors.New("bad input")
	if _, err, _ := call(func() (int, error) { return 0, bad }); err != bad {
		t.Errorf("safeCall(a task returning the error %q) returned the error %v, want that same error", bad, err)
	}
}

func TestPoolSurvivesAPanic(t *testing.T) {
	// Without a working safeCall the panic below would kill the test binary.
	if _, _, escaped := call(func() (int, error) { panic("boom") }); escaped != nil {
		t.Fatal("safeCall lets panics through, so a panicking task would crash the pool; fix safeCall first")
	}

	type report struct {
		ok     bool
		result int
	}
	var mu sync.Mutex
	reports := map[int][]report{}
	pool := NewPool(2, 10)
	for i := range 6 {
		pool.Run(func() (int, error) {
			if i == 2 {
				panic("task 2 fails")
			}
			return i * i, nil
		}, func(ok bool, result int) {
			mu.Lock()
			reports[i] = append(reports[i], report{ok, result})
			mu.Unlock()
		})
	}
	pool.Close()

	for i := range 6 {
		got := reports[i]
		if len(got) != 1 {
			t.Errorf("task %d: its callback ran %d times, want once", i, len(got))
			continue
		}
		if i == 2 {
			if got[0].ok {
				t.Errorf("task 2 panicked, but its callback got ok=true")
			}
		} else if !got[0].ok || got[0].result != i*i {
			t.Errorf("task %d: callback got ok=%t result=%d, want ok=true result=%d", i, got[0].ok, got[0].result, i*i)
		}
	}
}
