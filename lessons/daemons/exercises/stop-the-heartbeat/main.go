// A heartbeat that should stop when it is told to.
package main

import (
	"fmt"
	"time"
)

// startHeartbeat calls beat now and then once every period, in a goroutine of its own,
// until stop is called. stop should return only after the heartbeat has stopped.
func startHeartbeat(period time.Duration, beat func()) (stop func()) {
	go func() {
		for {
			beat()
			time.Sleep(period)
		}
	}()
	return func() {} // does nothing yet: the heartbeat keeps going
}

func main() {
	start := time.Now()
	say := func(msg string) { fmt.Printf("%4v  %s\n", time.Since(start).Round(time.Second), msg) }

	stop := startHeartbeat(time.Second, func() { say("heartbeat: still here") })
	time.Sleep(3500 * time.Millisecond) // main's own work
	stop()
	say("main: heartbeat stopped")
	time.Sleep(2 * time.Second) // no beat may come out during these two seconds
	say("main: returning")
}
