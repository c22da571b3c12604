// A worker handle with terminate, and a job that does not listen.
package main

import (
	"context"
	"fmt"
	"time"
)

// Worker is a goroutine plus the handles Python's Process object offers.
type Worker struct {
	Name   string
	cancel context.CancelFunc
	done   chan struct{}
}

// Start runs job in a new goroutine. job must return when ctx is cancelled.
func Start(name string, job func(ctx context.Context)) *Worker {
	ctx, cancel := context.WithCancel(context.Background())
	w := &Worker{Name: name, cancel: cancel, done: make(chan struct{})}
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
	default:
		return true
	}
}

// Terminate asks the worker to stop. It cannot force it: the job has to notice.
func (w *Worker) Terminate() { w.cancel() }

// Join waits for the goroutine to return.
func (w *Worker) Join() { <-w.done }

// heartbeat returns a job that adds one to *beats every interval until it is
// terminated. Read *beats only after Join has returned.
func heartbeat(interval time.Duration, beats *int) func(ctx context.Context) {
	return func(ctx context.Context) {
		for {
			time.Sleep(interval)
			*beats++
		}
	}
}

func main() {
	var beats int
	w := Start("heart", heartbeat(time.Second, &beats))
	time.Sleep(3500 * time.Millisecond)
	w.Terminate()
	fmt.Println("main: terminate requested")
	w.Join()
	fmt.Println("main: joined after", beats, "beats, alive:", w.Alive())
}
