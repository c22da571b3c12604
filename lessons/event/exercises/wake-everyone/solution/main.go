// An event that several goroutines wait for.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Event is a flag that goroutines can wait for, like Python's threading.Event.
// While it is set, ch is closed, and a receive on a closed channel never blocks:
// that is what lets one Set wake every waiter, now and later.
type Event struct {
	mu sync.Mutex // guards ch, which Clear replaces
	ch chan struct{}
}

func NewEvent() *Event { return &Event{ch: make(chan struct{})} }

// Set raises the flag and wakes the goroutines waiting for it.
func (e *Event) Set() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.isSet() { // closing a closed channel panics
		close(e.ch)
	}
}

// Clear lowers the flag. A closed channel can't be reopened, so Clear swaps in a
// fresh one for the next round of waiters.
func (e *Event) Clear() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.isSet() {
		e.ch = make(chan struct{})
	}
}

// IsSet reports whether the flag is raised.
func (e *Event) IsSet() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.isSet()
}

// isSet is IsSet for callers that hold e.mu.
func (e *Event) isSet() bool {
	select {
	case <-e.ch:
		return true
	default:
		return false
	}
}

// Wait blocks until the flag is raised or the timeout passes, and reports which.
func (e *Event) Wait(timeout time.Duration) bool {
	e.mu.Lock()
	ch := e.ch // wait on the channel of this round, without holding the lock
	e.mu.Unlock()
	select {
	case <-ch:
		return true
	case <-time.After(timeout):
		return false
	}
}

func main() {
	start := time.Now()
	e := NewEvent()
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			ok := e.Wait(2 * time.Second)
			fmt.Printf("%v  waiter %d: woken %t\n", time.Since(start).Round(time.Millisecond), i, ok)
		})
	}
	time.Sleep(time.Second)
	fmt.Printf("%v  set\n", time.Since(start).Round(time.Millisecond))
	e.Set()
	wg.Wait()
	fmt.Println("still set afterwards:", e.IsSet())
}
