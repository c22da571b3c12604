// A goroutine that starts a goroutine, and a WaitGroup that covers both.
package main

import (
	"fmt"
	"sync"
	"time"
)

// logbook collects the lines the goroutines report. Its mutex lets them add
// lines at the same time without corrupting the slice.
type logbook struct {
	mu    sync.Mutex
	lines []string
}

func (l *logbook) add(line string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, line)
}

func (l *logbook) read() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

// process says hello and starts a helper that reports after d, on the group wg
// that its caller waits on. It does not wait for the helper itself.
func process(name string, d time.Duration, log *logbook, wg *sync.WaitGroup) {
	log.add("hello " + name)
	// Adding to wg here is allowed even though run is already in wg.Wait: the
	// counter is not zero, because this very goroutine is still counted.
	wg.Go(func() {
		time.Sleep(d)
		log.add("helper of " + name + " reports")
	})
	log.add("process " + name + " is done")
}

// run starts process in a goroutine, waits for it and for everything it started
// on the same group, and returns everything that was logged.
func run(d time.Duration) []string {
	log := &logbook{}
	var wg sync.WaitGroup
	wg.Go(func() { process("World", d, log, &wg) })
	wg.Wait() // goroutines are peers: whoever holds the group can wait for all of them
	log.add("main: done")
	return log.read()
}

func main() {
	for _, line := range run(time.Second) {
		fmt.Println(line)
	}
}
