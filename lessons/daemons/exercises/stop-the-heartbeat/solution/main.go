// A heartbeat that should stop when it is told to.
package main

import (
	"context"
	"fmt"
	"time"
)

// startHeartbeat calls beat now and then once every period, in a goroutine of its own,
// until stop is called. stop returns only after the heartbeat has stopped.
func startHeartbeat(period time.Duration, beat func()) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{}) // closed by the heartbeat as it returns
	go func() {
		defer close(stopped)
		for {
			beat()
			// Wait for the next beat or for the order to stop, whichever comes first.
			// A plain time.Sleep could not be interrupted.
			select {
			case <-ctx.Done():
				return
			case <-time.After(period):
			}
		}
	}()
	return func() {
		cancel()  // tell the heartbeat to stop...
		<-stopped // ...and wait until it has: no beat can start after this
	}
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
