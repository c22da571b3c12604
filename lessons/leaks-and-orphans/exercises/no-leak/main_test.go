package main

import (
	"runtime"
	"testing"
	"time"
)

const ms = time.Millisecond

// service returns a service that needs d for every answer.
func service(d time.Duration) func(string) string {
	return func(key string) string {
		time.Sleep(d)
		return "value of " + key
	}
}

func TestFastLookup(t *testing.T) {
	v, err := lookup(service(10*ms), "a", 200*ms)
	if v != "value of a" || err != nil {
		t.Errorf(`lookup with a 10ms service and a 200ms limit = %q, %v; want "value of a", nil`, v, err)
	}
}

func TestSlowLookupGivesUp(t *testing.T) {
	start := time.Now()
	_, err := lookup(service(300*ms), "b", 50*ms)
	elapsed := time.Since(start)
	if err == nil {
		t.Errorf("lookup with a 300ms service and a 50ms limit returned no error, want one")
	}
	if elapsed < 50*ms || elapsed >= 150*ms {
		t.Errorf("lookup with a 50ms limit returned after %v, want about 50ms", elapsed.Round(ms))
	}
}

func TestNoGoroutineLeft(t *testing.T) {
	time.Sleep(400 * ms) // let the earlier tests' service calls end
	before := runtime.NumGoroutine()
	for range 5 {
		if _, err := lookup(service(100*ms), "c", 10*ms); err == nil {
			t.Fatal("lookup with a 100ms service and a 10ms limit returned no error, want one")
		}
	}
	time.Sleep(300 * ms) // every service call has ended by now
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before five lookups that gave up, %d after their service calls ended: %d leaked",
			before, after, after-before)
	}
}
