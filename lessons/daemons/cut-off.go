// A child with five seconds of work, and a main program that ends after three.
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
	go func() {
		say("child", "starting five seconds of work")
		time.Sleep(5 * time.Second)
		say("child", "finished") // never printed: main is gone by then
	}()

	time.Sleep(3 * time.Second)
	say("main", "done, returning")
}
