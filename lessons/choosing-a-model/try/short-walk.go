// Try this: Make the walk in the polling version take 300 ms instead of a second...
// Sync or async, blocking or non-blocking: four ways to wait for a meal.
package main

import (
	"fmt"
	"time"
)

const cookTime = 2500 * time.Millisecond

// cook makes the dish; calling it directly means waiting for it.
func cook(dish string) string {
	time.Sleep(cookTime)
	return dish
}

// order starts cooking in the kitchen's own goroutine and returns at once.
// The dish will be delivered on the returned channel.
func order(dish string) <-chan string {
	ready := make(chan string, 1)
	go func() { ready <- cook(dish) }()
	return ready
}

func report(how string, start time.Time, dish, meanwhile string) {
	fmt.Printf("%-20s %s after %-5v meanwhile: %s\n",
		how+":", dish, time.Since(start).Round(time.Millisecond), meanwhile)
}

func main() {
	// Sync, blocking: a plain call. You stand at the counter until it returns.
	start := time.Now()
	dish := cook("noodles")
	report("sync, blocking", start, dish, "stood at the counter")

	// Sync, non-blocking: you go home but keep walking back to check yourself.
	start = time.Now()
	counter := order("noodles")
	trips := 0
	for got := false; !got; {
		select {
		case dish = <-counter: // it is there: take it
			got = true
		default: // not ready: a non-blocking check returns at once
			trips++
			time.Sleep(300 * time.Millisecond) // walk home and back
		}
	}
	report("sync, non-blocking", start, dish, fmt.Sprintf("%d wasted trips", trips))

	// Async, blocking: the kitchen will call you, but you stare at the phone.
	start = time.Now()
	phone := order("noodles")
	dish = <-phone
	report("async, blocking", start, dish, "stared at the phone")

	// Async, non-blocking: the kitchen will call you; you watch TV until it does.
	start = time.Now()
	phone = order("noodles")
	tv := time.NewTicker(time.Second) // one episode per second
	defer tv.Stop()
	episodes := 0
	for got := false; !got; {
		select {
		case dish = <-phone:
			got = true
		case <-tv.C:
			episodes++
		}
	}
	report("async, non-blocking", start, dish, fmt.Sprintf("watched %d episodes", episodes))
}
