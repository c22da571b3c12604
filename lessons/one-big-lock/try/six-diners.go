// Try this: In meal, add two more diners, Eve and Fay...
// One lock around the whole meal. The diners still reach for the noodles and the
// fork in different orders, but there is only one thing left to wait for, the table,
// so no cycle can form. Each diner reports how long it waited for it.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	table  sync.Mutex    // guards the noodles, the fork and waited, all together
	waited time.Duration // the diners' waiting time, added up
)

// dine is the whole meal, whichever order a diner takes things in.
func dine(start time.Time, name, first, second string) {
	arrived := time.Now()
	table.Lock()
	defer table.Unlock()
	wait := time.Since(arrived).Round(time.Millisecond)
	waited += wait
	fmt.Printf("%-5v %s waited %v for the table, takes the %s, then the %s\n",
		time.Since(start).Round(time.Millisecond), name, wait, first, second)
	time.Sleep(100 * time.Millisecond) // eating
}

func main() {
	diners := []struct{ name, first, second string }{
		{"Ada", "noodles", "fork"},
		{"Ben", "fork", "noodles"},
		{"Cai", "noodles", "fork"},
		{"Dee", "fork", "noodles"},
		{"Eve", "noodles", "fork"},
		{"Fay", "fork", "noodles"},
	}
	start := time.Now()
	var wg sync.WaitGroup
	for _, d := range diners {
		wg.Go(func() { dine(start, d.name, d.first, d.second) })
	}
	wg.Wait()
	fmt.Printf("%d meals of 100ms took %v\n", len(diners), time.Since(start).Round(time.Millisecond))
	fmt.Println("time spent waiting for the table:", waited)
}
