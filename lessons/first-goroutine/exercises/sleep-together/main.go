// Several sleepers, each with its own done channel.
package main

import (
	"fmt"
	"time"
)

// sleeper naps for d and closes done when it wakes.
func sleeper(name string, d time.Duration, done chan<- struct{}) {
	defer close(done)
	fmt.Printf("%s: going to sleep for %v\n", name, d)
	time.Sleep(d)
	fmt.Printf("%s: awake again\n", name)
}

// sleepAll starts a sleeper for every duration and returns when all of them are awake.
func sleepAll(naps []time.Duration) {
	for i, d := range naps {
		done := make(chan struct{})
		go sleeper(fmt.Sprintf("sleeper %d", i+1), d, done)
		<-done // waits for this sleeper before the next one starts
	}
}

func main() {
	start := time.Now()
	sleepAll([]time.Duration{2 * time.Second, 4 * time.Second, 3 * time.Second})
	fmt.Printf("main: everybody is awake, %v in\n", time.Since(start).Round(time.Millisecond))
}
