// Try this: In done-callback, keep the futures in a slice and add the callbacks only after wg.Wait()...
// Futures with done-callbacks: each result is printed the moment its task finishes.
package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// Future holds a result that is not there yet, and the callbacks waiting for it.
type Future[R any] struct {
	mu        sync.Mutex
	done      bool
	result    R
	callbacks []func(R)
}

// set stores the result and runs the callbacks, in the goroutine that finished the task.
func (f *Future[R]) set(r R) {
	f.mu.Lock()
	f.done, f.result = true, r
	callbacks := f.callbacks
	f.mu.Unlock()
	for _, cb := range callbacks {
		cb(r)
	}
}

// AddDoneCallback registers cb; if the result is already there, cb runs at once.
func (f *Future[R]) AddDoneCallback(cb func(R)) {
	f.mu.Lock()
	if !f.done {
		f.callbacks = append(f.callbacks, cb)
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	cb(f.result)
}

func main() {
	start := time.Now()
	r := rand.New(rand.NewPCG(1, 2))

	jobs := make(chan func(), 100)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for job := range jobs {
				job()
			}
		})
	}

	var futures []*Future[int]
	for i := range 12 {
		delay := time.Duration(r.Float64() * float64(time.Second)) // drawn here, not in the task
		f := new(Future[int])
		jobs <- func() {
			time.Sleep(delay)
			p := 1
			for range i {
				p *= i
			}
			f.set(p) // i to the power i
		}
		futures = append(futures, f)
	}
	close(jobs)
	wg.Wait()
	for i, f := range futures {
		f.AddDoneCallback(func(p int) {
			fmt.Printf("%.3fs  %2d**%-2d = %d\n", time.Since(start).Seconds(), i, i, p)
		})
	}
}
