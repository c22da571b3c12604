// Try this: Just before wg.Wait(), add a fifth diner who only needs the noodles...
// Four diners share one bowl of noodles and one fork. Two of them reach for the
// noodles first, the other two for the fork first, and the table locks up.
package main

import (
	"fmt"
	"sync"
	"time"
)

var noodles, fork sync.Mutex

// noodlesFirst takes the noodles, then the fork.
func noodlesFirst(name string) {
	noodles.Lock()
	fmt.Println(name, "has the noodles")
	time.Sleep(100 * time.Millisecond) // long enough for someone else to grab the fork
	fork.Lock()
	fmt.Println(name, "has the fork and eats")
	fork.Unlock()
	noodles.Unlock()
}

// forkFirst takes the same two locks in the opposite order.
func forkFirst(name string) {
	fork.Lock()
	fmt.Println(name, "has the fork")
	time.Sleep(100 * time.Millisecond)
	noodles.Lock()
	fmt.Println(name, "has the noodles and eats")
	noodles.Unlock()
	fork.Unlock()
}

func main() {
	var wg sync.WaitGroup
	wg.Go(func() { noodlesFirst("Ada") })
	wg.Go(func() { forkFirst("Ben") })
	wg.Go(func() { noodlesFirst("Cai") })
	wg.Go(func() { forkFirst("Dee") })
	wg.Go(func() { noodles.Lock(); fmt.Println("Eve eats"); noodles.Unlock() })
	wg.Wait()
	fmt.Println("everyone has eaten") // never printed
}
