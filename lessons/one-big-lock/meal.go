// The dining table with a single lock around the whole meal. A diner can no longer
// hold one thing while waiting for another, so the deadlock is gone.
package main

import (
	"fmt"
	"sync"
	"time"
)

var table sync.Mutex // guards the noodles and the fork together

func noodlesFirst(name string) {
	table.Lock()
	defer table.Unlock()
	fmt.Println(name, "takes the noodles, then the fork")
	time.Sleep(100 * time.Millisecond) // eating
	fmt.Println(name, "has eaten")
}

func forkFirst(name string) {
	table.Lock()
	defer table.Unlock()
	fmt.Println(name, "takes the fork, then the noodles")
	time.Sleep(100 * time.Millisecond)
	fmt.Println(name, "has eaten")
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	wg.Go(func() { noodlesFirst("Ada") })
	wg.Go(func() { forkFirst("Ben") })
	wg.Go(func() { noodlesFirst("Cai") })
	wg.Go(func() { forkFirst("Dee") })
	wg.Wait()
	fmt.Println("four meals of 100ms took", time.Since(start).Round(time.Millisecond))
}
