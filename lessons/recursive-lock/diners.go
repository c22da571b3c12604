// The diners again. Python's cure was one reentrant lock under two names, so that
// "take the noodles" and "take the fork" lock the same thing. In Go: one mutex,
// locked once per meal; taking the noodles and the fork are helpers that assume it.
package main

import (
	"fmt"
	"sync"
	"time"
)

var table sync.Mutex // guards the noodles and the fork

// takeNoodlesLocked and takeForkLocked: the caller must hold table.
func takeNoodlesLocked(name string) { fmt.Println(name, "has the noodles") }
func takeForkLocked(name string)    { fmt.Println(name, "has the fork") }

func noodlesFirst(name string) {
	table.Lock()
	defer table.Unlock()
	takeNoodlesLocked(name)
	time.Sleep(100 * time.Millisecond)
	takeForkLocked(name)
	fmt.Println(name, "eats")
}

func forkFirst(name string) {
	table.Lock()
	defer table.Unlock()
	takeForkLocked(name)
	time.Sleep(100 * time.Millisecond)
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
