// Try this: Make it fifty workers of one second each...
package main

import (
	"fmt"
	"sync"
	"time"
)

var start = time.Now()

// since is the time since the program started, in whole seconds.
func since() time.Duration { return time.Since(start).Round(time.Second) }

func task(id int) {
	fmt.Printf("worker %2d begins at %v\n", id, since())
	time.Sleep(time.Second) // slow I/O
}

func main() {
	var wg sync.WaitGroup
	for id := range 50 {
		wg.Go(func() { task(id + 1) })
		wg.Wait() // join inside the loop: one worker at a time
	}
	fmt.Printf("main: all fifty done after %v\n", since())
}
