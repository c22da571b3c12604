// Try this: In no-result, drop the <-future reads...
// A task that returns nothing: its future still tells you when it is done, and whether it failed.
package main

import (
	"errors"
	"fmt"
)

// submit runs task in a new goroutine and returns a channel for its outcome.
// A task with no value to return still has an outcome: it succeeded, or it failed.
func submit(task func() error) <-chan error {
	done := make(chan error, 1)
	go func() { done <- task() }()
	return done
}

func main() {
	submit(func() error {
		fmt.Println("hello from the worker")
		return nil // nothing to report
	})

	submit(func() error {
		return errors.New("disk full")
	})

	// With no error to carry, an empty struct is the Go spelling of "nothing".
	signal := make(chan struct{}, 1)
	go func() {
		fmt.Println("hello again")
		signal <- struct{}{}
	}()
	fmt.Println("result:", <-signal)
}
