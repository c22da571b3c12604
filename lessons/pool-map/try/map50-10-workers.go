// Try this: In map50, try 10 workers...
// A pool of 10 maps a one-second function over 50 inputs.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// poolMap runs f on every input with n workers and returns the results in input order.
func poolMap[T, R any](n int, inputs []T, f func(T) R) []R {
	results := make([]R, len(inputs))
	indexes := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for i := range indexes {
				results[i] = f(inputs[i])
			}
		})
	}
	for i := range inputs {
		indexes <- i
	}
	close(indexes)
	wg.Wait()
	return results
}

func main() {
	start := time.Now()
	inputs := make([]int, 50)
	for i := range inputs {
		inputs[i] = i
	}

	results := poolMap(10, inputs, func(i int) string {
		time.Sleep(time.Second)
		return strings.Repeat("i", i) // "i" repeated i times
	})

	// Fifty growing strings would fill the screen: show a few, then the lengths.
	for i, s := range results[:6] {
		fmt.Printf("results[%d] = %q\n", i, s)
	}
	fmt.Printf("results[49] = %q...  (%d characters)\n", results[49][:10], len(results[49]))
	lengths := make([]int, len(results))
	for i, s := range results {
		lengths[i] = len(s)
	}
	fmt.Println("lengths:", lengths)
	fmt.Println("elapsed:", time.Since(start).Round(time.Millisecond))
}
