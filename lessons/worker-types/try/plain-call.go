// Try this: In method, replace wg.Go(t1.Run) with a plain call...
// A worker type: its data in a struct, its work in a Run method.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Conn is what a Python Thread subclass would keep in self after __init__.
type Conn struct {
	name string
}

// NewConn plays the constructor.
func NewConn(name string) *Conn { return &Conn{name: name} }

// Run is the work, like the run method a subclass overrides.
func (c *Conn) Run() {
	fmt.Println("run task", c.name)
	time.Sleep(5 * time.Second)
	fmt.Println("task", c.name, "finished")
}

func main() {
	start := time.Now()
	t1 := NewConn("t1")
	t2 := NewConn("t2")

	var wg sync.WaitGroup
	t1.Run() // a plain call: Run runs in main's own goroutine
	wg.Go(t2.Run)
	wg.Wait() // join both

	fmt.Printf("both done in %v\n", time.Since(start).Round(time.Millisecond))
}
