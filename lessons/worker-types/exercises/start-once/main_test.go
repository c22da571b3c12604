package main

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// counting is a Runner that counts its runs and takes a little while over each.
type counting struct{ runs atomic.Int32 }

func (c *counting) Run() {
	c.runs.Add(1)
	time.Sleep(20 * time.Millisecond)
}

// joinWithin calls w.Join and reports whether it returned within d.
func joinWithin(w *Worker, d time.Duration) bool {
	joined := make(chan struct{})
	go func() {
		w.Join()
		close(joined)
	}()
	select {
	case <-joined:
		return true
	case <-time.After(d):
		return false
	}
}

func TestStartOnceStillRuns(t *testing.T) {
	c := &counting{}
	w := NewWorker(c)
	w.Start()
	if !joinWithin(w, time.Second) {
		t.Fatal("Join did not return within 1s of starting a 20ms job")
	}
	if n := c.runs.Load(); n != 1 {
		t.Errorf("after one call to Start, Run ran %d times, want 1", n)
	}
}

func TestStartTwiceRunsOnce(t *testing.T) {
	c := &counting{}
	w := NewWorker(c)
	w.Start()
	w.Start()
	if !joinWithin(w, time.Second) {
		t.Fatal("Join did not return within 1s of starting a 20ms job")
	}
	time.Sleep(50 * time.Millisecond) // room for a second run to show up
	if n := c.runs.Load(); n != 1 {
		t.Errorf("after two calls to Start, Run ran %d times, want 1", n)
	}
	if !joinWithin(w, time.Second) {
		t.Error("a second Join did not return: Join must work any number of times")
	}
}

func TestStartFromManyGoroutines(t *testing.T) {
	c := &counting{}
	w := NewWorker(c)
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(w.Start)
	}
	wg.Wait()
	if !joinWithin(w, time.Second) {
		t.Fatal("Join did not return within 1s of starting a 20ms job")
	}
	time.Sleep(50 * time.Millisecond)
	if n := c.runs.Load(); n != 1 {
		t.Errorf("after ten goroutines called Start at once, Run ran %d times, want 1", n)
	}
}
