// Try this: In timeout, make f sleep for two seconds...
// Asynchronous apply on a pool of 4, reading the result with a time limit; and a map.
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
	result := make(chan R, 1)
	p.jobs <- func() { result <- f() }
	return result
}

// Get waits for a result, but for no longer than timeout.
func Get[R any](result <-chan R, timeout time.Duration) (R, error) {
	select {
	case r := <-result:
		return r, nil
	case <-time.After(timeout):
		var zero R
		return zero, fmt.Errorf("timed out after %v", timeout)
	}
}

func main() {
	start := time.Now()
	report := func(what string, r int, err error) {
		at := time.Since(start).Round(time.Millisecond)
		if err != nil {
			fmt.Printf("%-4v %s: %v\n", at, what, err)
			return
		}
		fmt.Printf("%-4v %s = %d\n", at, what, r)
	}
	pool := NewPool(4)

	f := func(x int) int {
		time.Sleep(2 * time.Second)
		return x * x
	}

	// Apply f(10) asynchronously; wait at most one second for it.
	r, err := Get(Submit(pool, func() int { return f(10) }), time.Second)
	report("f(10)", r, err)

	// Map f over 0..9: submit all, then collect in order.
	var results []<-chan int
	for x := range 10 {
		results = append(results, Submit(pool, func() int { return f(x) }))
	}
	squares := make([]int, 0, len(results))
	for _, res := range results {
		squares = append(squares, <-res)
	}
	fmt.Printf("%-4v map: %v\n", time.Since(start).Round(time.Millisecond), squares)

	// A slower function of two arguments: three seconds of work.
	g := func(x, y int) int {
		time.Sleep(3 * time.Second)
		return x * y
	}
	r, err = Get(Submit(pool, func() int { return g(10, 4) }), 4*time.Second)
	report("g(10, 4), waiting up to 4s", r, err)

	r, err = Get(Submit(pool, func() int { return g(10, 4) }), 2*time.Second)
	report("g(10, 4), waiting up to 2s", r, err)

	pool.Close() // waits for the abandoned task too
	fmt.Printf("%-4v pool closed\n", time.Since(start).Round(time.Millisecond))
}
