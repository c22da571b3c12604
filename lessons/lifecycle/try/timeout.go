// Try this: In lifecycle, replace context.WithCancel with context.WithTimeout...
// Start, name, id, is_alive, terminate and join, built from a context and a channel.
package main

import (
	"context"
	"fmt"
	"time"
)

// Worker is a goroutine plus the handles Python's Process object offers.
type Worker struct {
	Name   string
	ID     int // handed out by us: goroutines have no id of their own
	cancel context.CancelFunc
	done   chan struct{}
}

var lastID int

// Start runs job in a new goroutine. job must return when ctx is cancelled.
func Start(name string, job func(ctx context.Context)) *Worker {
	lastID++
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	w := &Worker{Name: name, ID: lastID, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(w.done)
		job(ctx)
	}()
	return w
}

// Alive reports whether the goroutine is still running, without waiting.
func (w *Worker) Alive() bool {
	select {
	case <-w.done:
		return false
	default: // done is not closed yet
		return true
	}
}

// Terminate asks the worker to stop. It cannot force it: the job has to notice.
func (w *Worker) Terminate() { w.cancel() }

// Join waits for the goroutine to return.
func (w *Worker) Join() { <-w.done }

func ticker(ctx context.Context) {
	for i := 1; ; i++ {
		select {
		case <-ctx.Done(): // the stop request arrived
			fmt.Println("ticker: asked to stop, cleaning up")
			return
		case <-time.After(time.Second):
			fmt.Println("ticker: tick", i)
		}
	}
}

func main() {
	w := Start("ticker", ticker)
	fmt.Printf("main: started %q with id %d, alive: %v\n", w.Name, w.ID, w.Alive())

	time.Sleep(3500 * time.Millisecond)
	w.Terminate()
	fmt.Println("main: terminate requested, alive:", w.Alive()) // not yet stopped

	w.Join()
	fmt.Println("main: joined, alive:", w.Alive())
}
