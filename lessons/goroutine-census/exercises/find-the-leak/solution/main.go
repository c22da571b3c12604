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
	// fastest receives only one answer. Over an unbuffered channel every other
	// send would wait for a receiver that never comes, and its goroutine would
	// stay blocked until the program ends. With room for every answer, no send
	// ever waits: the slow mirrors drop their answers in the buffer and return,
	// and the channel is freed once nobody refers to it any more.
	answers := make(chan int, len(delays))
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
