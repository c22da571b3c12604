// An event that several goroutines wait for.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Event is a flag that goroutines can wait for, like Python's threading.Event.
type Event struct {
	ch chan struct{} // holds one token while the event is set
}

func NewEvent() *Event { return &Event{ch: make(chan struct{}, 1)} }

// Set raises the flag and wakes the goroutines waiting for it.
func (e *Event) Set() {
	select {
	case e.ch <- struct{}{}:
	default: // the token is already there
	}
}

// Clear lowers the flag.
func (e *Event) Clear() {
	select {
	case <-e.ch:
	default:
	}
}

// IsSet reports whether the flag is raised.
func (e *Event) IsSet() bool { return len(e.ch) > 0 }

// Wait blocks until the flag is raised or the timeout passes, and reports which.
func (e *Event) Wait(timeout time.Duration) bool {
	select {
	case <-e.ch:
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
