// Try this: In sleeper, move fmt.Println("main: after the go statement") below <-done...
// The go statement on its own, and a channel to wait with.
package main

import (
	"fmt"
	"os"
	"time"
)

// sleeper takes a name and a duration, like Python's sleeper(name, seconds).
// It closes done when it returns, which is how main learns it has finished.
func sleeper(name string, d time.Duration, done chan<- struct{}) {
	defer close(done)
	fmt.Printf("%s: running in process %d\n", name, os.Getpid())
	fmt.Printf("%s: going to sleep for %v\n", name, d)
	time.Sleep(d)
	fmt.Printf("%s: awake again\n", name)
}

func main() {
	start := time.Now()
	fmt.Printf("main: running in process %d\n", os.Getpid())

	done := make(chan struct{})
	go sleeper("bob", 5*time.Second, done) // returns at once; bob runs later

	fmt.Println("main: about to wait for bob")
	<-done // receive blocks until sleeper closes the channel
	fmt.Println("main: after the go statement")
	fmt.Printf("main: after the wait, %v in\n", time.Since(start).Round(time.Millisecond))
}
