// Try this: In cut-off, make main wait for the child with a done channel...
package main

import (
	"fmt"
	"time"
)

var start = time.Now()

// say prints a line stamped with the time since the program started.
func say(who, msg string) {
	fmt.Printf("%4v  %-5s %s\n", time.Since(start).Round(time.Second), who, msg)
}

func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		say("child", "starting five seconds of work")
		time.Sleep(5 * time.Second)
		say("child", "finished")
	}()

	time.Sleep(3 * time.Second)
	<-done
	say("main", "done, returning")
}
