// Ten asynchronous tasks on a pool of five, each with a callback that adds to a total.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Pool runs tasks on its workers and hands each finished task's callback back to the
// goroutine that calls Join, so callbacks never run on a worker.
type Pool struct {
	jobs      chan func()
	callbacks chan func() // callbacks ready to run, with their results bound in
	wg        sync.WaitGroup
}

func NewPool(workers int) *Pool {
	p := &Pool{jobs: make(chan func(), 100), callbacks: make(chan func(), 100)}
	for range workers {
		p.wg.Go(func() {
			for job := range p.jobs {
				job()
			}
		})
	}
	return p
}

// ApplyAsync queues f; once f has returned, callback(result) is queued for Join.
func (p *Pool) ApplyAsync(f func() int, callback func(int)) {
	p.jobs <- func() {
		r := f()
		p.callbacks <- func() { callback(r) } // the worker only passes it on
	}
}

// Close accepts no more tasks.
func (p *Pool) Close() { close(p.jobs) }

// Join runs the callbacks as the results come in, one at a time, until every task is done.
func (p *Pool) Join() {
	go func() {
		p.wg.Wait() // no worker will queue another callback
		close(p.callbacks)
	}()
	for callback := range p.callbacks {
		callback()
	}
}

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
