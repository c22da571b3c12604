// Try this: Replace the `time.Sleep` in `square` with computation...
// Mapping a 10 ms task over 1000 inputs: a plain loop vs pools of workers.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// square computes for a while instead of waiting, then computes its answer.
func square(x int) int {
	sum := 0
	for n := range 200_000 {
		sum += n
	}
	_ = sum
	return x * x
}

// poolMap runs f over inputs with a fixed number of worker goroutines and
// returns the results in input order, like Python's Pool.map.
func poolMap(workers int, inputs []int, f func(int) int) []int {
	out := make([]int, len(inputs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				out[i] = f(inputs[i]) // each index is written by one worker only
			}
		})
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs) // no more work: the workers' loops end
	wg.Wait()
	return out
}

// report prints the elapsed time and a checksum, to show every run got the same results.
func report(label string, start time.Time, results []int) {
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Printf("%-11s %6v  (sum %d)\n", label+":", time.Since(start).Round(time.Millisecond), total)
}

func main() {
	inputs := make([]int, 1000)
	for i := range inputs {
		inputs[i] = i
	}
	fmt.Println("CPUs:", runtime.NumCPU())

	start := time.Now()
	serial := make([]int, len(inputs))
	for i, x := range inputs {
		serial[i] = square(x)
	}
	report("plain loop", start, serial)

	for _, workers := range []int{runtime.NumCPU(), 8} {
		start := time.Now()
		out := poolMap(workers, inputs, square)
		report(fmt.Sprintf("pool of %d", workers), start, out)
	}
}
