package main

import (
	"testing"
	"time"
)

func TestOneSetWakesEveryWaiter(t *testing.T) {
	e := NewEvent()
	woken := make(chan bool)
	for range 5 {
		go func() { woken <- e.Wait(time.Second) }()
	}
	time.Sleep(50 * time.Millisecond) // let all five reach Wait
	e.Set()
	n := 0
	for range 5 {
		if <-woken {
			n++
		}
	}
	if n != 5 {
		t.Errorf("one Set woke %d of 5 waiters, want all 5 (the rest timed out)", n)
	}
}

func TestSetStaysSet(t *testing.T) {
	e := NewEvent()
	if e.IsSet() {
		t.Fatal("IsSet() = true on a new event, want false")
	}
	e.Set()
	e.Set() // setting twice must be harmless
	for i := range 3 {
		start := time.Now()
		if !e.Wait(200 * time.Millisecond) {
			t.Fatalf("Wait %d after Set returned false, want true", i+1)
		}
		if d := time.Since(start); d >= 100*time.Millisecond {
			t.Errorf("Wait %d after Set took %v, want it to return at once", i+1, d)
		}
	}
	if !e.IsSet() {
		t.Error("IsSet() = false after Set and three Waits, want true: waiting must not lower the flag")
	}
}

func TestClearLowersTheFlag(t *testing.T) {
	e := NewEvent()
	e.Set()
	e.Clear()
	if e.IsSet() {
		t.Error("IsSet() = true after Clear, want false")
	}
	start := time.Now()
	if e.Wait(200 * time.Millisecond) {
		t.Error("Wait after Clear returned true, want false once the timeout passes")
	}
	if d := time.Since(start); d < 200*time.Millisecond || d >= 400*time.Millisecond {
		t.Errorf("Wait(200ms) after Clear took %v, want about 200ms", d)
	}
	e.Set() // and the event can be set again
	if !e.Wait(200 * time.Millisecond) {
		t.Error("Wait after Set, Clear, Set returned false, want true")
	}
}
