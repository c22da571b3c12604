// Try this: In counter, delete the case <-ctx.Done() branch...
// A counter owned by one goroutine, shared by five tasks that each add 1 fifty times.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// counter is a handle to a count that only its owner goroutine touches.
type counter struct {
	inc chan struct{}
	get chan int
}

// newCounter starts the owner goroutine; it serves requests until ctx is cancelled.
func newCounter(ctx context.Context) *counter {
	c := &counter{inc: make(chan struct{}), get: make(chan int)}
	go func() {
		n := 0 // the count itself: a local variable of the owner
		for {
			select {
			case <-c.inc:
				n++
			case c.get <- n: // offer the current value to whoever asks
			}
		}
	}()
	return c
}

func (c *counter) Increment() { c.inc <- struct{}{} }
func (c *counter) Value() int { return <-c.get }

func task(id int, c *counter) {
	time.Sleep(200 * time.Millisecond)
	fmt.Printf("task %d starts\n", id)
	start := time.Now()
	for range 50 {
		time.Sleep(10 * time.Millisecond)
		c.Increment()
	}
	fmt.Printf("task %d ran for %v\n", id, time.Since(start).Round(time.Millisecond))
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // stops the owner
	c := newCounter(ctx)

	var wg sync.WaitGroup
	for id := range 5 {
		wg.Go(func() { task(id, c) })
	}
	fmt.Println("waiting for all tasks...")
	wg.Wait()
	fmt.Println("all tasks done, count =", c.Value())
}
