// Try this: Put only one pill in the queue (for range 1)...
// Consumers take tasks from a queue until they get a poison pill; a WaitGroup plays
// JoinableQueue's task_done and join.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

var start = time.Now()

func stamp() time.Duration { return time.Since(start).Round(time.Millisecond) }

// Task multiplies two numbers, slowly.
type Task struct{ a, b int }

func (t *Task) Run() string {
	time.Sleep(100 * time.Millisecond) // pretend this takes a while
	return fmt.Sprintf("%d * %d = %d", t.a, t.b, t.a*t.b)
}

func (t *Task) String() string { return fmt.Sprintf("%d * %d", t.a, t.b) }

func consumer(name string, tasks <-chan *Task, results chan<- string, pending *sync.WaitGroup) {
	for {
		task := <-tasks
		if task == nil { // the poison pill
			fmt.Printf("%5v  %s: exiting\n", stamp(), name)
			pending.Done()
			return
		}
		fmt.Printf("%5v  %s: %v\n", stamp(), name, task)
		results <- task.Run()
		pending.Done() // task_done: only after the result is stored
	}
}

func main() {
	const numJobs = 10
	numConsumers := max(2, runtime.NumCPU()) // NumCPU is 1 in the browser
	fmt.Printf("creating %d consumers\n", numConsumers)

	tasks := make(chan *Task, numJobs+numConsumers)
	results := make(chan string, numJobs)
	var pending sync.WaitGroup // counts items put but not yet marked done

	for i := range numConsumers {
		go consumer(fmt.Sprintf("consumer-%d", i+1), tasks, results, &pending)
	}

	for i := range numJobs {
		pending.Add(1)
		tasks <- &Task{i, i}
	}
	for range 1 {
		pending.Add(1)
		tasks <- nil // only one pill
	}

	pending.Wait() // like tasks.join(): every item has been marked done
	fmt.Printf("%5v  all tasks done\n", stamp())

	for range numJobs {
		fmt.Println("result:", <-results)
	}
}
