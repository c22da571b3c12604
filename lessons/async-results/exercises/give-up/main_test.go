package main

import (
	"testing"
	"time"
)

// slowTask returns a task that takes d and then returns x.
func slowTask(d time.Duration, x int) func() int {
	return func() int {
		time.Sleep(d)
		return x
	}
}

func TestResultInTime(t *testing.T) {
	pool := NewPool(2)
	defer pool.Close()

	start := time.Now()
	r, err := Get(Submit(pool, slowTask(100*time.Millisecond, 42)), time.Second)
	elapsed := time.Since(start)

	if r != 42 || err != nil {
		t.Errorf("Get of a 100ms task with a 1s limit = %d, %v; want 42, nil", r, err)
	}
	if elapsed < 100*time.Millisecond || elapsed >= 500*time.Millisecond {
		t.Errorf("Get of a 100ms task with a 1s limit took %v, want about 100ms", elapsed)
	}
}

func TestTimeout(t *testing.T) {
	pool := NewPool(2) // not closed: TestCloseAfterTimeout checks that closing works

	start := time.Now()
	r, err := Get(Submit(pool, slowTask(600*time.Millisecond, 42)), 100*time.Millisecond)
	elapsed := time.Since(start)

	if err == nil {
		t.Errorf("Get of a 600ms task with a 100ms limit returned %d and no error, want an error", r)
	} else if r != 0 {
		t.Errorf("Get timed out but returned %d, want the zero value", r)
	}
	if elapsed < 100*time.Millisecond || elapsed >= 400*time.Millisecond {
		t.Errorf("Get with a 100ms limit took %v, want about 100ms", elapsed)
	}
}

func TestCloseAfterTimeout(t *testing.T) {
	pool := NewPool(1)
	if _, err := Get(Submit(pool, slowTask(200*time.Millisecond, 1)), 50*time.Millisecond); err == nil {
		t.Fatal("Get of a 200ms task with a 50ms limit returned no error, want a timeout")
	}

	// Nobody will read the abandoned result. Its task must still be able to finish,
	// and the pool to close.
	closed := make(chan struct{})
	go func() {
		pool.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(time.Second):
		t.Fatal("Close did not return within 1s of abandoning a 200ms task: its worker is stuck")
	}
}
