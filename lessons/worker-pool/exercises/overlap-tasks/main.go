// A pool whose Apply waits for each task: runAll uses it, one task at a time.
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
	for i, task := range tasks {
		results[i] = p.Apply(task)
	}
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
