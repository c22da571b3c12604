// Try this: Move close(q) before producers.Wait()...
// The same bakery, the Go way: the producers' side closes the channel when they
// are all done, and each consumer ranges over it until it is closed and empty.
package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

var start = time.Now()

func stamp() time.Duration { return time.Since(start).Round(time.Millisecond) }

func produce(q chan<- string, id int) {
	r := rand.New(rand.NewPCG(1, uint64(id))) // one generator per goroutine: *rand.Rand is not safe to share
	for n := range 5 {
		time.Sleep(time.Second + time.Duration(r.IntN(1000))*time.Millisecond) // 1-2 s to make each bun
		bun := fmt.Sprintf("bun %d.%d", id, n)
		fmt.Printf("%7v  producer %d made %s\n", stamp(), id, bun)
		q <- bun
	}
}

func consume(q <-chan string, name string, seed uint64) {
	r := rand.New(rand.NewPCG(2, seed))
	for bun := range q { // ends when q is closed and every bun has been taken
		time.Sleep(time.Duration(r.IntN(1000)) * time.Millisecond) // 0-1 s to eat it
		fmt.Printf("%7v  %s ate %s\n", stamp(), name, bun)
	}
	fmt.Printf("%7v  %s: channel closed, going home\n", stamp(), name)
}

func main() {
	q := make(chan string, 10)

	var producers, consumers sync.WaitGroup
	for id := range 3 {
		producers.Go(func() { produce(q, id) })
	}
	consumers.Go(func() { consume(q, "alex", 1) })
	consumers.Go(func() { consume(q, "wusir", 2) })

	close(q) // too early: the producers are still sending
	producers.Wait()
	consumers.Wait()
	fmt.Printf("%7v  all done\n", stamp())
}
