// A goroutine that starts a goroutine and returns without waiting for it.
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

// process says hello and starts a helper that reports after d. It does not wait
// for the helper.
func process(name string, d time.Duration, log *logbook) {
	log.add("hello " + name)
	var wg sync.WaitGroup
	wg.Go(func() {
		time.Sleep(d)
		log.add("helper of " + name + " reports")
	})
	log.add("process " + name + " is done")
}

// run starts process in a goroutine, waits, and returns everything that was logged.
func run(d time.Duration) []string {
	log := &logbook{}
	var wg sync.WaitGroup
	wg.Go(func() { process("World", d, log) })
	wg.Wait()
	log.add("main: done")
	return log.read()
}

func main() {
	for _, line := range run(time.Second) {
		fmt.Println(line)
	}
}
