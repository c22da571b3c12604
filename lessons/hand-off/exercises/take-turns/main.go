// Eat and sleep, each in its own goroutine, for three turns each.
package main

import (
	"fmt"
	"sync"
	"time"
)

// alternate runs eat(0), sleep(0), eat(1), sleep(1), ... up to turns each, with eat in one
// goroutine and sleep in another, and returns after the last turn.
func alternate(turns int, eat, sleep func(turn int)) {
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range turns {
			eat(i)
		}
	})
	wg.Go(func() {
		for i := range turns {
			sleep(i)
		}
	})
	wg.Wait()
}

func main() {
	start := time.Now()
	say := func(msg string, turn int) {
		fmt.Printf("%v  %s, turn %d\n", time.Since(start).Round(time.Second), msg, turn)
	}
	alternate(3,
		func(turn int) { say("eating", turn); time.Sleep(time.Second) },
		func(turn int) { say("sleeping", turn); time.Sleep(time.Second) },
	)
	fmt.Println("elapsed:", time.Since(start).Round(time.Millisecond))
}
