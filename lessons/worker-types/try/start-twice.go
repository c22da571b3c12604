// Try this: In runner, call Start twice on one worker...
// Python's Process base class, rebuilt as a small Go type that runs
// anything with a Run method.
package main

import (
	"fmt"
	"time"
)

// Runner is the one method a worker type must provide.
type Runner interface {
	Run()
}

// Worker supplies Start and Join, the part Python's base class gives a subclass.
type Worker struct {
	r    Runner
	done chan struct{}
}

func NewWorker(r Runner) *Worker { return &Worker{r: r, done: make(chan struct{})} }

// Start runs r.Run in a new goroutine, as Python's start() calls run().
func (w *Worker) Start() {
	go func() {
		defer close(w.done)
		w.r.Run()
	}()
}

// Join waits until Run has returned.
func (w *Worker) Join() { <-w.done }

// hello needs no data; its Run is all there is.
type hello struct{}

func (hello) Run() { fmt.Println("hello: started through a type with a Run method") }

// download carries a field, set when the value is built.
type download struct{ file string }

func (d download) Run() {
	fmt.Println("download: fetching", d.file)
	time.Sleep(2 * time.Second)
	fmt.Println("download:", d.file, "arrived")
}

func main() {
	workers := []*Worker{
		NewWorker(hello{}),
		NewWorker(download{file: "report.txt"}),
	}
	for _, w := range workers {
		w.Start()
	}
	workers[0].Start() // a second start of the hello worker
	fmt.Println("main: both started")
	for _, w := range workers {
		w.Join()
	}
	fmt.Println("main: both joined")
}
