// Try this: In diners, add noodles.Lock() in forkFirst...
// The diners again. Python's cure was one reentrant lock under two names,
// noodle_lock = fork_lock = RLock(), so that a diner's second acquire only counts
// up. In Go the two names stay, but they are one mutex, locked once per meal: the
// second grab is a helper that expects the lock to be held already.
package main

import (
	"fmt"
	"sync"
	"time"
)

var table sync.Mutex // guards the noodles and the fork

// noodles and fork are two names for the same lock, like the Python RLock.
var noodles, fork = &table, &table

// takeNoodlesLocked and takeForkLocked: the caller must hold table.
func takeNoodlesLocked(name string) { fmt.Println(name, "has the noodles") }
func takeForkLocked(name string)    { fmt.Println(name, "has the fork") }

func noodlesFirst(name string) {
	noodles.Lock() // this locks the table, and so the fork as well
	defer noodles.Unlock()
	takeNoodlesLocked(name)
	time.Sleep(100 * time.Millisecond)
	takeForkLocked(name) // no fork.Lock(): it is the lock we already hold
	fmt.Println(name, "eats")
}

func forkFirst(name string) {
	fork.Lock()
	defer fork.Unlock()
	takeForkLocked(name)
	time.Sleep(100 * time.Millisecond)
	noodles.Lock()
	takeNoodlesLocked(name)
	fmt.Println(name, "eats")
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	wg.Go(func() { noodlesFirst("Ada") })
	wg.Go(func() { forkFirst("Ben") })
	wg.Go(func() { noodlesFirst("Cai") })
	wg.Go(func() { forkFirst("Dee") })
	wg.Wait()
	fmt.Println("everyone has eaten in", time.Since(start).Round(time.Millisecond))
}
