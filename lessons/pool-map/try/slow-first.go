// Try this: In executor, make the first task slow...
// An executor's map yields results in input order as they become ready; so do futures
// read back in the order they were submitted.
package main

import (
	"fmt"
	"iter"
	"sync"
	"time"
)

// Executor is a pool of workers fed from a queue of functions.
type Executor struct {
	jobs chan func()
	wg   sync.WaitGroup
}

func NewExecutor(workers int) *Executor {
	e := &Executor{jobs: make(chan func(), 100)} // room to queue 100 tasks without blocking
	for range workers {
		e.wg.Go(func() {
			for job := range e.jobs {
				job()
			}
		})
	}
	return e
}

// Shutdown lets the queued work finish and waits for the workers.
func (e *Executor) Shutdown() { close(e.jobs); e.wg.Wait() }

// Submit queues f and returns a future: a channel that will receive f's result.
func Submit[R any](e *Executor, f func() R) <-chan R {
	future := make(chan R, 1) // buffered, so the worker never waits for the reader
	e.jobs <- func() { future <- f() }
	return future
}

// Map submits f(x) for every input at once and yields the results in input order.
func Map[T, R any](e *Executor, f func(T) R, inputs []T) iter.Seq[R] {
	futures := make([]<-chan R, len(inputs))
	for i, x := range inputs {
		futures[i] = Submit(e, func() R { return f(x) })
	}
	return func(yield func(R) bool) {
		for _, future := range futures {
			if !yield(<-future) {
				return
			}
		}
	}
}

func main() {
	slow := func(i int) int {
		time.Sleep(time.Second)
		if i == 0 {
			time.Sleep(5 * time.Second)
		}
		return i * 10
	}
	inputs := make([]int, 20)
	for i := range inputs {
		inputs[i] = i
	}

	ex := NewExecutor(4)
	start := time.Now()
	fmt.Println("map:")
	for r := range Map(ex, slow, inputs) {
		fmt.Printf("  %v  %d\n", time.Since(start).Round(time.Millisecond), r)
	}

	start = time.Now()
	fmt.Println("submit, then read each future in order:")
	var futures []<-chan int
	for _, i := range inputs {
		futures = append(futures, Submit(ex, func() int { return slow(i) }))
	}
	for _, future := range futures {
		r := <-future // blocks until this task's result is ready
		fmt.Printf("  %v  %d\n", time.Since(start).Round(time.Millisecond), r)
	}
	ex.Shutdown()
}
