// Try this: In heartbeat, delete wg.Wait()...
package main

import (
	"fmt"
	"sync"
	"time"
)

var start = time.Now()

// say prints a line stamped with the time since the program started.
func say(who, msg string) {
	fmt.Printf("%4v  %-9s %s\n", time.Since(start).Round(time.Second), who, msg)
}

func main() {
	// The heartbeat never stops by itself, and nobody waits for it:
	// like a Python daemon thread, it is ended by the end of the program.
	go func() {
		for {
			say("heartbeat", "still here")
			time.Sleep(5 * time.Second)
		}
	}()

	// The job is work that must be finished, so main keeps count of it.
	var wg sync.WaitGroup
	wg.Go(func() {
		say("job", "starting ten seconds of work")
		time.Sleep(10 * time.Second)
		say("job", "finished")
	})

	time.Sleep(3 * time.Second)
	say("main", "my own part is done; waiting for the job")
	say("main", "returning")
}
