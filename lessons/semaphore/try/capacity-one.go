// Try this: In three-of-five, change the capacity to 1...
// Five workers share a semaphore of three: at most three are inside at once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()

	// A buffered channel with room for three tokens is a counting semaphore:
	// sending a token takes a place, receiving one gives it back.
	sem := make(chan struct{}, 1)

	// inside counts the workers holding a place, for the printout only. The mutex
	// keeps each change and its line together: printing lets other goroutines run.
	var mu sync.Mutex
	inside := 0
	report := func(i, change int, what string) {
		mu.Lock()
		defer mu.Unlock()
		inside += change
		fmt.Printf("%3v  worker %d %-8s (%d inside)\n",
			time.Since(start).Round(time.Millisecond), i, what, inside)
	}

	var wg sync.WaitGroup
	for i := range 5 {
		wg.Go(func() {
			sem <- struct{}{} // acquire: blocks while all three places are taken
			report(i, +1, "acquires")

			time.Sleep(time.Duration(i*2) * time.Second) // worker i holds its place i*2 s

			report(i, -1, "releases")
			<-sem // release: a waiting worker can now take the place
		})
	}
	wg.Wait()
	fmt.Printf("%3v  all done\n", time.Since(start).Round(time.Millisecond))
}
