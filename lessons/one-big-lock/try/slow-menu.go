// Try this: In menu, make readMenu take a whole second...
// Each diner reads the menu (200ms, needs nothing shared) and then eats (100ms,
// needs the table). Where the lock starts decides how long dinner takes.
package main

import (
	"fmt"
	"sync"
	"time"
)

func readMenu() { time.Sleep(time.Second) }
func eat()      { time.Sleep(100 * time.Millisecond) }

// wholeVisit takes the table lock before reading the menu.
func wholeVisit(table *sync.Mutex) {
	table.Lock()
	defer table.Unlock()
	readMenu()
	eat()
}

// eatingOnly reads the menu first and takes the lock only to eat.
func eatingOnly(table *sync.Mutex) {
	readMenu()
	table.Lock()
	defer table.Unlock()
	eat()
}

// dinner seats four diners who all visit the same way and reports how long it took.
func dinner(visit func(*sync.Mutex)) time.Duration {
	var table sync.Mutex
	start := time.Now()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { visit(&table) })
	}
	wg.Wait()
	return time.Since(start).Round(time.Millisecond)
}

func main() {
	fmt.Println("lock around the whole visit:", dinner(wholeVisit))
	fmt.Println("lock around eating only:    ", dinner(eatingOnly))
}
