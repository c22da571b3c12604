// A Worker that runs anything with a Run method, and what happens when it is
// started twice.
package main

import (
	"fmt"
	"time"
)

// Runner is the one method a worker type must provide.
type Runner interface {
	Run()
}

// Worker supplies Start and Join, the part Python's Thread base class gives a subclass.
type Worker struct {
	r    Runner
	done chan struct{}
}

func NewWorker(r Runner) *Worker { return &Worker{r: r, done: make(chan struct{})} }

// Start runs r.Run in a new goroutine. Calling it again should do nothing.
func (w *Worker) Start() {
	go func() {
		defer close(w.done)
		w.r.Run()
	}()
}

// Join waits until Run has returned.
func (w *Worker) Join() { <-w.done }

// download carries a field, set when the value is built.
type download struct{ file string }

func (d download) Run() {
	fmt.Println("download: fetching", d.file)
	time.Sleep(time.Second)
	fmt.Println("download:", d.file, "arrived")
}

func main() {
	w := NewWorker(download{file: "report.txt"})
	w.Start()
	w.Start() // by mistake: the file should still be fetched only once
	w.Join()
	time.Sleep(100 * time.Millisecond) // give a second run the time to go wrong
	fmt.Println("main: joined")
}
