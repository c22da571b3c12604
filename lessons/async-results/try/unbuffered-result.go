// Try this: In get-order, make the result channel in Submit unbuffered...
// Where you read async results decides whether the pool works in parallel at all.
package main

import (
	"fmt"
	"sync"
	"time"
)

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

func (p *Pool) Close() { close(p.jobs); p.wg.Wait() }

func Submit[R any](p *Pool, f func() R) <-chan R {
	result := make(chan R)
	p.jobs <- func() { result <- f() }
	return result
}

// square takes one second.
func square(i int) int {
	time.Sleep(time.Second)
	return i * i
}

func main() {
	var start time.Time
	show := func(r int) { fmt.Printf("  %v  %d\n", time.Since(start).Round(time.Millisecond), r) }

	fmt.Println("1. get right after each submit:")
	start = time.Now()
	pool := NewPool(4)
	for i := range 8 {
		show(<-Submit(pool, func() int { return square(i) })) // waits before the next submit
	}
	pool.Close()

	fmt.Println("2. submit all, then get each:")
	start = time.Now()
	pool = NewPool(4)
	var results []<-chan int
	for i := range 8 {
		results = append(results, Submit(pool, func() int { return square(i) }))
	}
	for _, res := range results {
		show(<-res)
	}
	pool.Close()

	fmt.Println("3. submit all, close and wait, then get each:")
	start = time.Now()
	pool = NewPool(4)
	results = nil
	for i := range 8 {
		results = append(results, Submit(pool, func() int { return square(i) }))
	}
	pool.Close() // every task has finished when this returns
	for _, res := range results {
		show(<-res)
	}
}
