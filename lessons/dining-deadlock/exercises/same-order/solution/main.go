// Four diners share the noodles and the fork. They all take them in the same order,
// so no diner can hold the fork while waiting for the noodles, and no cycle can form.
package main

import (
	"fmt"
	"sync"
	"time"
)

var noodles, fork sync.Mutex

// eat is called by a diner who holds both the noodles and the fork.
var eat = func(name string) { fmt.Println(name, "eats") }

// noodlesFirst takes the noodles, then the fork: the one order every diner uses.
func noodlesFirst(name string) {
	noodles.Lock()
	time.Sleep(100 * time.Millisecond) // pulling the bowl closer
	fork.Lock()
	eat(name)
	fork.Unlock()
	noodles.Unlock()
}

// dinner seats the four diners and returns when all of them have eaten.
func dinner() {
	var wg sync.WaitGroup
	wg.Go(func() { noodlesFirst("Ada") })
	wg.Go(func() { noodlesFirst("Ben") }) // the same order as everyone else
	wg.Go(func() { noodlesFirst("Cai") })
	wg.Go(func() { noodlesFirst("Dee") })
	wg.Wait()
}

func main() {
	dinner()
	fmt.Println("everyone has eaten")
}
