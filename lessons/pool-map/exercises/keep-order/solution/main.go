// A pool maps a function over its inputs and returns the results in input order.
package main

import (
	"fmt"
	"sync"
	"time"
)

// poolMap runs f on every input with n workers and returns the results in input order.
func poolMap[T, R any](n int, inputs []T, f func(T) R) []R {
	results := make([]R, len(inputs))
	// Hand out indexes, not values: a worker that knows i knows where its answer goes.
	indexes := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for i := range indexes {
				// Every index goes to exactly one worker, so no two goroutines
				// write the same element and the slice needs no lock.
				results[i] = f(inputs[i])
			}
		})
	}
	for i := range inputs {
		indexes <- i
	}
	close(indexes)
	wg.Wait() // return only when every slot is filled
	return results
}

func main() {
	start := time.Now()
	// Input i takes (8-i)*10 ms, so the last inputs finish first.
	inputs := []int{0, 1, 2, 3, 4, 5, 6, 7}
	square := func(x int) int {
		time.Sleep(time.Duration(8-x) * 10 * time.Millisecond)
		return x * x
	}
	fmt.Println("results:", poolMap(4, inputs, square))
	fmt.Println("elapsed:", time.Since(start).Round(time.Millisecond))
}
