// Try this: In options, start c.run five times with wg.Go(c.run)...
// Keyword arguments become a struct with named fields; a worker type
// gets its argument from a constructor.
package main

import (
	"fmt"
	"sync"
)

// greetOptions stands in for keyword arguments: fields are set by name,
// and any field left out has its zero value.
type greetOptions struct {
	Name   string
	Rounds int
}

func greet(o greetOptions) {
	rounds := max(o.Rounds, 1) // a zero Rounds means "the default", one round
	for i := range rounds {
		fmt.Printf("%s is running (round %d of %d)\n", o.Name, i+1, rounds)
	}
}

// counter is a worker type: the constructor stores the argument,
// and run does the work, like __init__ and run in a Process subclass.
type counter struct{ n int }

func newCounter(n int) *counter { return &counter{n: n} }

func (c *counter) run() { fmt.Printf("counter %d is running\n", c.n) }

func main() {
	var wg sync.WaitGroup
	wg.Go(func() { greet(greetOptions{Name: "c", Rounds: 2}) })
	wg.Go(func() { greet(greetOptions{Name: "d"}) }) // Rounds left out

	c := newCounter(666)
	for range 5 {
		wg.Go(c.run) // a method value: the goroutine calls c.run()
	}

	wg.Wait()
	fmt.Println("main: done")
}
