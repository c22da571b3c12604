// Try this: In counter, replace the channels with the mutex version above...
// A counter guarded by a mutex, shared by five tasks that each add 1 fifty times.
package main

import (
	"fmt"
	"sync"
	"time"
)

type counter struct {
	mu sync.Mutex // guards n
	n  int
}

func (c *counter) Increment() { c.mu.Lock(); c.n++; c.mu.Unlock() }
func (c *counter) Value() int { c.mu.Lock(); defer c.mu.Unlock(); return c.n }

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
	c := &counter{}

	var wg sync.WaitGroup
	for id := range 5 {
		wg.Go(func() { task(id, c) })
	}
	fmt.Println("waiting for all tasks...")
	wg.Wait()
	fmt.Println("all tasks done, count =", c.Value())
}
