// Read an asynchronous result with a time limit.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Pool is a set of workers fed from a queue of functions.
type Pool struct {
	jobs chan func()
	wg   sync.WaitGroup
}

func NewPool(workers int) *Pool {
	p := &Pool{jobs: make(chan func(), 100)}
	for range workers {
		p.wg.Go(func() {
			for job := range p.jobs {
				job()
			}
		})
	}
	return p
}

// Close stops accepting tasks and waits until the queued ones are done.
func (p *Pool) Close() { close(p.jobs); p.wg.Wait() }

// Submit queues f without waiting and returns a channel that will carry its result.
func Submit[R any](p *Pool, f func() R) <-chan R {
	// Room for the one result: the worker can put it there and move on even if
	// nobody ever reads it, for instance because Get gave up.
	result := make(chan R, 1)
	p.jobs <- func() { result <- f() }
	return result
}

// Get waits for a result, but for no longer than timeout.
func Get[R any](result <-chan R, timeout time.Duration) (R, error) {
	select {
	case r := <-result:
		return r, nil
	case <-time.After(timeout): // whichever is ready first wins
		var zero R
		return zero, fmt.Errorf("timed out after %v", timeout)
	}
}

func main() {
	start := time.Now()
	pool := NewPool(2)
	slow := func(x int) int {
		time.Sleep(300 * time.Millisecond)
		return x * x
	}

	r, err := Get(Submit(pool, func() int { return slow(4) }), time.Second)
	fmt.Println(time.Since(start).Round(time.Millisecond), "waiting up to 1s:", r, err)

	r, err = Get(Submit(pool, func() int { return slow(5) }), 100*time.Millisecond)
	fmt.Println(time.Since(start).Round(time.Millisecond), "waiting up to 100ms:", r, err)

	pool.Close()
	fmt.Println(time.Since(start).Round(time.Millisecond), "pool closed")
}
