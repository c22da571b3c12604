// A pool maps a function over its inputs, but the results come back scrambled.
package main

import (
	"fmt"
	"time"
)

// poolMap runs f on every input with n workers and returns the results.
func poolMap[T, R any](n int, inputs []T, f func(T) R) []R {
	todo := make(chan T)
	done := make(chan R)
	for range n {
		go func() {
			for x := range todo {
				done <- f(x)
			}
		}()
	}
	go func() {
		for _, x := range inputs {
			todo <- x
		}
		close(todo)
	}()

	// Results arrive in the order the tasks finish.
	var results []R
	for range inputs {
		results = append(results, <-done)
	}
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
