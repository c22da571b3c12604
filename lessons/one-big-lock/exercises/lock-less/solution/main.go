// Four diners read the menu and then eat at a table that only one may use at a time.
package main

import (
	"fmt"
	"sync"
	"time"
)

// visit is one diner's evening: read the menu, then eat at the table. Reading
// touches nothing shared, so it happens before the lock and overlaps with the
// other diners' reading; only the meal waits for the table.
func visit(table *sync.Mutex, readMenu, eat func()) {
	readMenu()
	table.Lock()
	defer table.Unlock()
	eat()
}

// dinner seats diners at once, each visiting with the same readMenu and eat, and
// reports how long it took until all of them had eaten.
func dinner(diners int, readMenu, eat func()) time.Duration {
	var table sync.Mutex // guards the table: one meal at a time
	start := time.Now()
	var wg sync.WaitGroup
	for range diners {
		wg.Go(func() { visit(&table, readMenu, eat) })
	}
	wg.Wait()
	return time.Since(start)
}

func main() {
	readMenu := func() { time.Sleep(100 * time.Millisecond) }
	eat := func() { time.Sleep(50 * time.Millisecond) }
	fmt.Println("dinner for four took", dinner(4, readMenu, eat).Round(time.Millisecond))
}
