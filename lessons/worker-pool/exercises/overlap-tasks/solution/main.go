// A pool whose Apply waits for each task: runAll calls it from one goroutine per task,
// so the waiting happens in parallel and every worker is busy.
package main

import (
	"fmt"
	"sync"
	"time"
)

// job is one task plus the channel on which its worker sends the result back.
type job struct {
	task func() int
	done chan int
}

// Pool is a fixed set of workers that take jobs from a channel.
type Pool struct {
	jobs chan job
	wg   sync.WaitGroup
}

// NewPool starts the given number of workers.
func NewPool(workers int) *Pool {
	p := &Pool{jobs: make(chan job)}
	for range workers {
		p.wg.Go(func() {
			for j := range p.jobs {
				j.done <- j.task()
			}
		})
	}
	return p
}

// Apply hands task to an idle worker and waits for its result, like Python's pool.apply.
func (p *Pool) Apply(task func() int) int {
	j := job{task: task, done: make(chan int)}
	p.jobs <- j
	return <-j.done
}

// Close accepts no more tasks and waits for the workers to finish.
func (p *Pool) Close() {
	close(p.jobs)
	p.wg.Wait()
}

// runAll runs every task on the pool and returns their results in the order of tasks.
func runAll(p *Pool, tasks []func() int) []int {
	results := make([]int, len(tasks))
	var wg sync.WaitGroup
	for i, task := range tasks {
		// Each goroutine waits for one task. They are cheap, and the pool still
		// decides how many tasks run at once: the rest wait to hand theirs over.
		wg.Go(func() {
			results[i] = p.Apply(task) // each goroutine writes its own element
		})
	}
	wg.Wait() // every result is in
	return results
}

func main() {
	pool := NewPool(4)
	defer pool.Close()

	var tasks []func() int
	for n := range 20 {
		tasks = append(tasks, func() int {
			time.Sleep(50 * time.Millisecond) // the task's work
			return n * n
		})
	}

	start := time.Now()
	results := runAll(pool, tasks)
	fmt.Println("results:", results)
	fmt.Println("elapsed:", time.Since(start).Round(time.Millisecond))
}
