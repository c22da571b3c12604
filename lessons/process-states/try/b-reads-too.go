// Try this: In states, give B a disk read too...
// Three tasks on one lane. Every state change is printed with the state
// of all three at that moment: at most one is ever running.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

var (
	start  = time.Now()
	mu     sync.Mutex
	names  = []string{"A", "B", "C"}
	states = map[string]string{}
)

// set records one transition and prints a snapshot of every task.
func set(name, state, why string) {
	mu.Lock()
	defer mu.Unlock()
	states[name] = state
	var row strings.Builder
	for _, n := range names {
		fmt.Fprintf(&row, "%s:%-8s ", n, states[n])
	}
	fmt.Printf("%-4v %s %s\n", time.Since(start), row.String(), why)
}

type request struct {
	name  string
	d     time.Duration
	reply chan struct{}
}

// disk stands in for a device. When a read completes, it makes the
// task that asked for it ready; the task runs when the lane is free.
func disk(reqs <-chan request) {
	for r := range reqs {
		time.Sleep(r.d)
		set(r.name, "ready", "the disk delivers "+r.name+"'s data")
		close(r.reply)
	}
}

func task(name string, io time.Duration, reqs chan<- request) {
	set(name, "running", name+" gets the CPU and computes")
	if io > 0 {
		reply := make(chan struct{})
		reqs <- request{name, io, reply}
		set(name, "blocked", fmt.Sprintf("%s asks the disk for a %v read", name, io))
		<-reply // blocked: not eligible for the CPU until the disk replies
	} else {
		set(name, "ready", name+" yields the CPU to whoever is ready")
		runtime.Gosched()
	}
	set(name, "running", name+" computes again")
	set(name, "exit", name+" is finished")
}

func main() {
	reqs := make(chan request, len(names))
	go disk(reqs)

	ios := map[string]time.Duration{"A": 2 * time.Second, "B": 500 * time.Millisecond, "C": time.Second}
	var wg sync.WaitGroup
	for _, n := range names {
		set(n, "new", n+" is created")
	}
	for _, n := range names {
		set(n, "ready", n+" is admitted: waiting for the CPU")
		wg.Go(func() { task(n, ios[n], reqs) })
	}
	wg.Wait()
}
