// Producers and consumers joined by one channel.
package main

import (
	"fmt"
	"sync"
	"time"
)

// endOfWork tells a consumer to stop.
const endOfWork = ""

func produce(q chan<- string, batch []string) {
	for _, bun := range batch {
		time.Sleep(10 * time.Millisecond) // baking takes a moment
		q <- bun
	}
}

func consume(q <-chan string, eat func(string)) {
	for {
		bun := <-q
		if bun == endOfWork {
			return
		}
		time.Sleep(5 * time.Millisecond) // and so does eating
		eat(bun)
	}
}

// eatAll runs one producer per batch and the given number of consumers, and returns
// every bun eaten, in the order they were eaten.
func eatAll(batches [][]string, consumers int) []string {
	q := make(chan string, 10)

	var mu sync.Mutex
	var eaten []string
	eat := func(bun string) {
		mu.Lock()
		defer mu.Unlock()
		eaten = append(eaten, bun)
	}

	var producing, consuming sync.WaitGroup
	for _, batch := range batches {
		producing.Go(func() { produce(q, batch) })
	}
	for range consumers {
		consuming.Go(func() { consume(q, eat) })
	}

	producing.Wait()
	q <- endOfWork // one marker per consumer
	q <- endOfWork
	consuming.Wait()
	return eaten
}

func main() {
	batches := [][]string{{"bun 0.0", "bun 0.1"}, {"bun 1.0", "bun 1.1"}, {"bun 2.0", "bun 2.1"}}
	fmt.Println(eatAll(batches, 2))
}
