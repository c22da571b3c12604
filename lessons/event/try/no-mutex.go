// Try this: Remove the mutex from the Event type...
// A reusable event with Set, Clear, IsSet and Wait with a timeout, like Python's
// threading.Event, driving a traffic light that cars wait for.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Event is a flag that goroutines can wait for. While it is set, ch is closed;
// Clear swaps in a fresh, open channel for the next round of waiters.
type Event struct {
	ch chan struct{}
}

func NewEvent() *Event { return &Event{ch: make(chan struct{})} }

func (e *Event) Set() {
	select {
	case <-e.ch: // already set
	default:
		close(e.ch)
	}
}

func (e *Event) Clear() {
	select {
	case <-e.ch: // set: replace the closed channel with an open one
		e.ch = make(chan struct{})
	default:
	}
}

func (e *Event) IsSet() bool {
	select {
	case <-e.ch:
		return true
	default:
		return false
	}
}

// Wait blocks until the event is set or the timeout passes, and reports which.
func (e *Event) Wait(timeout time.Duration) bool {
	ch := e.ch
	select {
	case <-ch:
		return true
	case <-time.After(timeout):
		return false
	}
}

func main() {
	start := time.Now()
	say := func(format string, args ...any) {
		fmt.Printf("%4v  "+format+"\n", append([]any{time.Since(start).Round(time.Millisecond)}, args...)...)
	}

	green := NewEvent()
	var wg sync.WaitGroup
	wg.Go(func() { // the light: green 3 s, red 3 s, green again
		green.Set()
		say("light turns green")
		time.Sleep(3 * time.Second)
		green.Clear()
		say("light turns red")
		time.Sleep(3 * time.Second)
		green.Set()
		say("light turns green")
	})

	arrivals := []time.Duration{0, 2 * time.Second, 3500 * time.Millisecond, 5 * time.Second, 7 * time.Second}
	for car, at := range arrivals {
		wg.Go(func() {
			time.Sleep(at)
			if !green.IsSet() {
				say("car %d stops at red", car)
			}
			if green.Wait(2 * time.Second) { // wait at most two seconds
				say("car %d drives through", car)
			} else {
				say("car %d gives up and turns around", car)
			}
		})
	}
	wg.Wait()
}
