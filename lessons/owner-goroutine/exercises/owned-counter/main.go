// A counter that many goroutines add to, with nothing to keep them apart.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// counter is a count shared by many goroutines.
type counter struct {
	n int
}

// newCounter returns a counter at zero that is used until ctx is cancelled.
func newCounter(ctx context.Context) *counter {
	return &counter{}
}

// Increment adds 1 to the count.
func (c *counter) Increment() {
	v := c.n
	time.Sleep(time.Microsecond) // a short pause: another goroutine may run here
	c.n = v + 1
}

// Value returns the count.
func (c *counter) Value() int { return c.n }

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
