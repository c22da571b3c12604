// The pool from the lesson, with one weakness: a task that panics takes down the whole
// program, because nothing recovers the panic on the worker goroutine.
package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type task struct {
	fn       func() (int, error)
	callback func(ok bool, result int) // may be nil
}

// Pool is used by one owner goroutine: Run, Close and Terminate are not meant to be
// called from several goroutines at once.
type Pool struct {
	maxWorkers int
	queue      chan task     // bounded; closing it is the stop sentinel
	quit       chan struct{} // closed by Terminate: stop now
	stopOnce   sync.Once
	wg         sync.WaitGroup

	mu            sync.Mutex
	workers, free int  // workers alive, and how many of them are idle
	closed        bool // no more Run calls accepted
	dropped       atomic.Int32
}

func NewPool(maxWorkers, maxQueue int) *Pool {
	return &Pool{maxWorkers: maxWorkers, queue: make(chan task, maxQueue), quit: make(chan struct{})}
}

// Run queues fn, starting a worker if none is idle and the limit allows. It blocks
// while the queue is full, and returns false if the pool no longer takes work.
func (p *Pool) Run(fn func() (int, error), callback func(ok bool, result int)) bool {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return false
	}
	if p.free == 0 && p.workers < p.maxWorkers {
		p.workers++
		p.wg.Go(p.work)
	}
	p.mu.Unlock()
	p.queue <- task{fn, callback}
	return true
}

func (p *Pool) work() {
	defer p.count(-1, 0)
	for {
		p.count(0, +1) // idle while waiting
		var t task
		var ok bool
		select {
		case t, ok = <-p.queue:
		case <-p.quit:
		}
		p.count(0, -1)
		select {
		case <-p.quit: // terminated: start nothing new, drop what we hold
			if ok {
				p.dropped.Add(1)
			}
			return
		default:
		}
		if !ok {
			return // the queue is closed and empty: Close's stop sentinel
		}
		result, err := safeCall(t.fn)
		if t.callback != nil {
			t.callback(err == nil, result)
		}
	}
}

func (p *Pool) count(workers, free int) {
	p.mu.Lock()
	p.workers += workers
	p.free += free
	p.mu.Unlock()
}

// Stats reports how many workers exist and how many of them are idle.
func (p *Pool) Stats() (workers, free int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.workers, p.free
}

func (p *Pool) stop() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.stopOnce.Do(func() { close(p.queue) })
}

// Close lets the workers finish every queued task, then waits for them to stop.
func (p *Pool) Close() {
	p.stop()
	p.wg.Wait()
}

// Terminate drops the queued tasks, lets running ones finish, and waits for the
// workers. It returns how many tasks were dropped.
func (p *Pool) Terminate() int {
	close(p.quit)
	p.stop()
	for range p.queue { // empty the queue; workers drop what they had already taken
		p.dropped.Add(1)
	}
	p.wg.Wait()
	return int(p.dropped.Load())
}

// safeCall runs fn and returns what it returns. If fn panics, safeCall should return
// an error instead, so that the worker can carry on with the next task.
func safeCall(fn func() (int, error)) (int, error) {
	return fn()
}

func main() {
	start := time.Now()
	at := func() time.Duration { return time.Since(start).Round(time.Millisecond) }
	pool := NewPool(2, 10)
	for i := range 6 {
		pool.Run(func() (int, error) {
			time.Sleep(time.Second)
			switch i {
			case 2:
				return 0, errors.New("bad input")
			case 4:
				panic("boom")
			}
			return i * i, nil
		}, func(ok bool, result int) {
			fmt.Printf("%-3v task %d: ok=%t result=%d\n", at(), i, ok, result)
		})
	}
	pool.Close()
	fmt.Printf("%-3v closed\n", at())
}
