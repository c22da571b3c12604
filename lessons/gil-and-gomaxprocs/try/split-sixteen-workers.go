// Try this: In split, set `workers` to 1, then to 16...
// CPU-bound work done serially and split across goroutines, counting the work.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// countPrimes counts the primes in [lo, hi) by trial division. steps is the
// number of divisions tried: a measure of work that needs no clock.
func countPrimes(lo, hi int) (primes, steps int) {
	for n := max(lo, 2); n < hi; n++ {
		prime := true
		for d := 2; d*d <= n; d++ {
			steps++
			if n%d == 0 {
				prime = false
				break
			}
		}
		if prime {
			primes++
		}
	}
	return primes, steps
}

const limit = 300_000

func main() {
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0), " NumCPU:", runtime.NumCPU())

	start := time.Now()
	primes, steps := countPrimes(0, limit)
	fmt.Printf("serial:  %d primes, %d steps, %v\n", primes, steps, time.Since(start).Round(time.Millisecond))

	start = time.Now()
	const workers = 16
	var mu sync.Mutex
	var wg sync.WaitGroup
	primes, steps = 0, 0
	for w := range workers {
		lo, hi := w*limit/workers, (w+1)*limit/workers
		wg.Go(func() {
			fmt.Printf("  worker %d starts [%d, %d)\n", w, lo, hi)
			p, s := countPrimes(lo, hi) // no blocking call in here
			fmt.Printf("  worker %d done: %d primes, %d steps\n", w, p, s)
			mu.Lock()
			primes += p
			steps += s
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Printf("split:   %d primes, %d steps, %v\n", primes, steps, time.Since(start).Round(time.Millisecond))
}
