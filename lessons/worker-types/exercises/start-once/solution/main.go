// A Worker that runs anything with a Run method, and can be started only once.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Runner is the one method a worker type must provide.
type Runner interface {
	Run()
}

// Worker supplies Start and Join, the part Python's Thread base class gives a subclass.
type Worker struct {
	r     Runner
	done  chan struct{}
	start sync.Once // makes sure the goroutine is launched at most once
}

func NewWorker(r Runner) *Worker { return &Worker{r: r, done: make(chan struct{})} }

// Start runs r.Run in a new goroutine. Calling it again does nothing.
//
// sync.Once runs its function the first time Do is called and never again, even when
// several goroutines call Do at the same moment. A plain "started bool" field would not
// be enough: two goroutines could both read false before either set it to true.
func (w *Worker) Start() {
	w.start.Do(func() {
		go func() {
			defer close(w.done)
			w.r.Run()
		}()
	})
}

// Join waits until Run has returned. A closed channel can be received from any
// number of times, so Join may be called as often as you like.
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
