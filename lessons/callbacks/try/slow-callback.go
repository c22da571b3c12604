// Try this: In callback, make endCall sleep for one second...
// Ten asynchronous tasks on a pool of five, each with a callback that main runs.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Pool runs tasks on its workers and hands each finished task's callback back to
// the goroutine that calls Join, so callbacks never run on a worker.
type Pool struct {
	jobs      chan func()
	callbacks chan func()
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

// ApplyAsync queues f; when it returns, callback(result) is queued for the parent.
func (p *Pool) ApplyAsync(f func() int, callback func(int)) {
	p.jobs <- func() {
		r := f()
		p.callbacks <- func() { callback(r) }
	}
}

// Close accepts no more tasks.
func (p *Pool) Close() { close(p.jobs) }

// Join runs callbacks as results come in, until every task is done.
func (p *Pool) Join() {
	go func() {
		p.wg.Wait()
		close(p.callbacks)
	}()
	for callback := range p.callbacks {
		callback()
	}
}

func main() {
	start := time.Now()
	work := func(i int) int {
		time.Sleep(2 * time.Second)
		return i + 100
	}
	endCall := func(r int) {
		time.Sleep(time.Second)
		fmt.Printf("%v callback: %d\n", time.Since(start).Round(time.Millisecond), r)
	}

	pool := NewPool(5)
	for i := range 10 {
		pool.ApplyAsync(func() int { return work(i) }, endCall)
	}
	fmt.Println("all ten submitted")
	pool.Close()
	pool.Join() // without this, main returns now and the program ends
	fmt.Println("joined after", time.Since(start).Round(time.Millisecond))
}
