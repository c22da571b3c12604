// Four diners share the noodles and the fork, and take them in two different orders.
package main

import (
	"fmt"
	"sync"
	"time"
)

var noodles, fork sync.Mutex

// eat is called by a diner who holds both the noodles and the fork.
var eat = func(name string) { fmt.Println(name, "eats") }

// noodlesFirst takes the noodles, then the fork.
func noodlesFirst(name string) {
	noodles.Lock()
	time.Sleep(100 * time.Millisecond) // pulling the bowl closer
	fork.Lock()
	eat(name)
	fork.Unlock()
	noodles.Unlock()
}

// forkFirst takes the fork, then the noodles.
func forkFirst(name string) {
	fork.Lock()
	time.Sleep(100 * time.Millisecond)
	noodles.Lock()
	eat(name)
	noodles.Unlock()
	fork.Unlock()
}

// dinner seats the four diners and returns when all of them have eaten.
func dinner() {
	var wg sync.WaitGroup
	wg.Go(func() { noodlesFirst("Ada") })
	wg.Go(func() { forkFirst("Ben") })
	wg.Go(func() { noodlesFirst("Cai") })
	wg.Go(func() { forkFirst("Dee") })
	wg.Wait()
}

func main() {
	dinner()
	fmt.Println("everyone has eaten")
}
