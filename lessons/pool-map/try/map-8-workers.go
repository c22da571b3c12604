// Try this: In map, change the pool to 8 workers...
// A pool maps a function over 8 inputs. The work finishes out of order; the results do not.
package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// poolMap runs f on every input with n workers and returns the results in input order.
func poolMap[T, R any](n int, inputs []T, f func(worker int, x T) R) []R {
	results := make([]R, len(inputs))
	indexes := make(chan int)
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			for i := range indexes {
				// Each index goes to exactly one worker, so no two goroutines
				// ever write the same element: no lock is needed.
				results[i] = f(w+1, inputs[i])
			}
		})
	}
	for i := range inputs {
		indexes <- i
	}
	close(indexes)
	wg.Wait() // map returns only when every result is in
	return results
}

func main() {
	start := time.Now()

	// Random work lengths, drawn up front: a *rand.Rand must not be shared
	// between goroutines without a lock.
	r := rand.New(rand.NewPCG(1, 2))
	work := make(map[int]time.Duration)
	inputs := make([]int, 8)
	for x := range inputs {
		inputs[x] = x
		work[x] = time.Duration(r.Float64() * 4 * float64(time.Second))
	}

	square := func(worker, x int) int {
		time.Sleep(work[x])
		fmt.Printf("%.2fs  worker %d: %d*%d = %d\n",
			time.Since(start).Seconds(), worker, x, x, x*x)
		return x * x
	}

	results := poolMap(8, inputs, square)
	fmt.Println("results:", results)
	fmt.Printf("elapsed: %.2fs\n", time.Since(start).Seconds())
}
