// Try this: Make the queue unbuffered, `NewPool(3, 0)`...
// A fuller pool: workers started on demand up to a limit, a bounded queue, callbacks,
// busy/free bookkeeping, and two ways to stop: Close (finish the queue) and Terminate
// (drop it).
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
		result, err := t.fn()
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

func main() {
	start := time.Now()
	at := func() time.Duration { return time.Since(start).Round(time.Millisecond) }
	square := func(i int) func() (int, error) {
		return func() (int, error) {
			time.Sleep(time.Second)
			if i == 4 {
				return 0, errors.New("bad input")
			}
			return i * i, nil
		}
	}
	report := func(i int) func(bool, int) {
		return func(ok bool, result int) {
			fmt.Printf("%-3v task %d: ok=%t result=%d\n", at(), i, ok, result)
		}
	}

	fmt.Println("Close: 3 workers, room for 4 queued tasks, 8 tasks")
	pool := NewPool(3, 0)
	for i := range 8 {
		pool.Run(square(i), report(i)) // the 8th Run waits for room in the queue
	}
	w, f := pool.Stats()
	fmt.Printf("%-3v all submitted; workers %d, idle %d\n", at(), w, f)
	time.Sleep(3 * time.Second)
	w, f = pool.Stats()
	fmt.Printf("%-3v workers %d, idle %d\n", at(), w, f)
	pool.Close()
	fmt.Printf("%-3v closed; Run accepted afterwards: %t\n", at(), pool.Run(square(9), nil))

	fmt.Println("Terminate: 3 workers, 8 tasks, stop after 1.5s")
	start = time.Now()
	pool = NewPool(3, 10)
	for i := range 8 {
		pool.Run(square(i), report(i))
	}
	time.Sleep(1500 * time.Millisecond)
	dropped := pool.Terminate()
	fmt.Printf("%-3v terminated; %d queued tasks dropped\n", at(), dropped)
}
