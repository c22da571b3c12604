// Asking several mirrors at once and taking the first answer.
package main

import (
	"fmt"
	"runtime"
	"time"
)

// fastest asks every mirror at once, one goroutine each, and returns the index of
// the first to answer. Mirror i takes delays[i] to answer.
func fastest(delays []time.Duration) int {
	answers := make(chan int)
	for i, d := range delays {
		go func() {
			time.Sleep(d) // the mirror at work
			answers <- i
		}()
	}
	return <-answers
}

func main() {
	delays := []time.Duration{3 * time.Second, time.Second, 2 * time.Second}
	fmt.Println("goroutines at the start:", runtime.NumGoroutine())
	for round := 1; round <= 3; round++ {
		winner := fastest(delays)
		time.Sleep(3 * time.Second) // long enough for every mirror to answer
		fmt.Printf("round %d: mirror %d was fastest; goroutines now: %d\n",
			round, winner, runtime.NumGoroutine())
	}
}
