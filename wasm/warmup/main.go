// Command warmup is the program the page's build worker compiles and links in the
// background while a learner reads (site/js/build-worker.js, which bundles this file's
// source as text): the warm-up builds. It is shaped like a lesson program, so that the
// compiler and linker code the engine optimizes, and keeps in its code cache for the
// next visit, is the code a learner's first build runs. It imports only packages nearly
// every lesson imports, so its archives are the ones a first edit needs anyway.
package main

import (
	"fmt"
	"sync"
	"time"
)

type job struct {
	id   int
	name string
}

type result struct {
	job  job
	took time.Duration
	err  error
}

type counter struct {
	mu   sync.Mutex
	seen map[string]int
}

func (c *counter) add(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[name]++
	return c.seen[name]
}

type stringer interface{ String() string }

func (j job) String() string { return fmt.Sprintf("job %d (%s)", j.id, j.name) }

func sum[T int | float64](xs ...T) (total T) {
	for _, x := range xs {
		total += x
	}
	return total
}

func worker(jobs <-chan job, results chan<- result, c *counter, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		start := time.Now()
		var err error
		if c.add(j.name) > 1 {
			err = fmt.Errorf("%v: seen before", j)
		}
		results <- result{job: j, took: time.Since(start), err: err}
	}
}

func main() {
	jobs := make(chan job)
	results := make(chan result, 4)
	c := &counter{seen: map[string]int{}}
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go worker(jobs, results, c, &wg)
	}
	go func() {
		for i := range 4 {
			jobs <- job{id: i, name: []string{"a", "b"}[i%2]}
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	timeout := time.After(time.Second)
	var done []stringer
	for results != nil {
		select {
		case r, ok := <-results:
			if !ok {
				results = nil
				break
			}
			if r.err != nil {
				fmt.Println("error:", r.err)
			}
			done = append(done, r.job)
		case <-timeout:
			fmt.Println("timed out")
			return
		}
	}
	var once sync.Once
	once.Do(func() { fmt.Printf("%d done, %q, %.1f %v\n", len(done), done[0].String(), sum(1.5, 2), sum(1, 2, 3)) })
}
