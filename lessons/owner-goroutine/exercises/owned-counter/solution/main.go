// A counter that many goroutines add to. Only its owner goroutine touches the count;
// everyone else sends it requests.
package main

import (
	"context"
	"fmt"
	"sync"
)

// counter is a handle to a count that only its owner goroutine can reach.
type counter struct {
	inc chan struct{} // a request to add 1
	get chan int      // the owner offers the current count here
}

// newCounter starts the owner goroutine, which serves requests until ctx is cancelled.
func newCounter(ctx context.Context) *counter {
	c := &counter{inc: make(chan struct{}), get: make(chan int)}
	go func() {
		n := 0 // the count: a local variable, so no other goroutine can name it
		for {
			select {
			case <-c.inc:
				n++
			case c.get <- n:
			case <-ctx.Done():
				return // without this case the owner would outlive its users
			}
		}
	}()
	return c
}

// Increment adds 1 to the count. It returns once the owner has taken the request.
func (c *counter) Increment() { c.inc <- struct{}{} }

// Value returns the count.
func (c *counter) Value() int { return <-c.get }

func main() {
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
	fmt.Println("count =", c.Value())
}
