// Eat and sleep, joined with a time limit.
package main

import (
	"fmt"
	"time"
)

// joinAll runs every task in its own goroutine and returns once all of them have
// finished or limit has passed, whichever comes first, with the number that finished.
func joinAll(limit time.Duration, tasks ...func()) int {
	// Each task reports on this channel when it is done. The buffer has room for all of
	// them, so a task that finishes after joinAll has given up can still report and return.
	done := make(chan struct{}, len(tasks))
	for _, task := range tasks {
		go func() {
			task()
			done <- struct{}{}
		}()
	}
	timeout := time.After(limit) // one timer for the whole wait, not one per task
	finished := 0
	for finished < len(tasks) {
		select {
		case <-done:
			finished++
		case <-timeout:
			return finished
		}
	}
	return finished
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
