// Try this: In sentinel, send only one marker...
// Three producers, two consumers, and one "end of work" marker per consumer.
package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// endOfWork is the sentinel: a value no producer ever makes (Python used None).
const endOfWork = ""

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
	for {
		bun := <-q
		if bun == endOfWork {
			fmt.Printf("%7v  %s: end of work\n", stamp(), name)
			return
		}
		time.Sleep(time.Duration(r.IntN(1000)) * time.Millisecond) // 0-1 s to eat it
		fmt.Printf("%7v  %s ate %s\n", stamp(), name, bun)
	}
}

func main() {
	q := make(chan string, 10)

	var producers, consumers sync.WaitGroup
	for id := range 3 {
		producers.Go(func() { produce(q, id) })
	}
	consumers.Go(func() { consume(q, "alex", 1) })
	consumers.Go(func() { consume(q, "wusir", 2) })

	producers.Wait() // all 15 buns are in the queue (or already eaten)
	q <- endOfWork   // only one marker, for two consumers
	consumers.Wait()
	fmt.Printf("%7v  all done\n", stamp())
}
