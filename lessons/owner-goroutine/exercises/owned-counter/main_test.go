package main

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"
)

func TestFiveTasksFiftyEach(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := newCounter(ctx)
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			for range 50 {
				c.Increment()
			}
		})
	}
	wg.Wait()
	if got := c.Value(); got != 250 {
		t.Errorf("5 goroutines each called Increment 50 times, and Value() = %d, want 250", got)
	}
}

func TestCountersAreSeparate(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, b := newCounter(ctx), newCounter(ctx)
	for range 3 {
		a.Increment()
	}
	b.Increment()
	if a.Value() != 3 || b.Value() != 1 {
		t.Errorf("after 3 increments of a and 1 of b, a.Value() = %d and b.Value() = %d, want 3 and 1",
			a.Value(), b.Value())
	}
}

func TestOwnersStopWhenCancelled(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	for range 10 {
		c := newCounter(ctx)
		c.Increment()
		if got := c.Value(); got != 1 {
			t.Errorf("after one Increment, Value() = %d, want 1", got)
		}
	}
	cancel()
	// The runtime may start a goroutine or two of its own (in the browser, one that
	// handles events), so a little slack is allowed; ten leaked owners still show.
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			t.Fatalf("a second after cancelling the context of 10 counters, %d goroutines are running, %d before: the owners did not stop",
				runtime.NumGoroutine(), before)
		}
		time.Sleep(time.Millisecond)
	}
}
