// Ten asynchronous tasks on a pool of five, each with a callback that adds to a total.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Pool runs tasks on its workers and calls each task's callback with its result.
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

// ApplyAsync queues f; callback(result) is called once f has returned.
func (p *Pool) ApplyAsync(f func() int, callback func(int)) {
	p.jobs <- func() {
		callback(f()) // called on the worker, while other workers call theirs
	}
}

// Close accepts no more tasks.
func (p *Pool) Close() { close(p.jobs) }

// Join waits until every task is done and every callback has run.
func (p *Pool) Join() { p.wg.Wait() }

// sumOfResults runs ten 50 ms tasks returning 100 to 109 on a pool of five, and adds the
// results up in a callback.
func sumOfResults() int {
	total := 0
	addUp := func(r int) {
		t := total
		time.Sleep(time.Millisecond) // a callback that takes a moment, like a write to disk
		total = t + r
	}
	pool := NewPool(5)
	for i := range 10 {
		pool.ApplyAsync(func() int {
			time.Sleep(50 * time.Millisecond)
			return 100 + i
		}, addUp)
	}
	pool.Close()
	pool.Join()
	return total
}

func main() {
	fmt.Println("total:", sumOfResults(), "(want 1045)")
}
