// Try this: Delete both time.Sleep lines... Delete the two fmt.Println calls between the locks as well...
// Four diners share one bowl of noodles and one fork. Two of them reach for the
// noodles first, the other two for the fork first, and the table locks up.
package main

import (
	"fmt"
	"sync"
)

var noodles, fork sync.Mutex

// noodlesFirst takes the noodles, then the fork.
func noodlesFirst(name string) {
	noodles.Lock()
	fork.Lock()
	fmt.Println(name, "has the fork and eats")
	fork.Unlock()
	noodles.Unlock()
}

// forkFirst takes the same two locks in the opposite order.
func forkFirst(name string) {
	fork.Lock()
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
	wg.Wait()
	fmt.Println("everyone has eaten") // never printed
}
