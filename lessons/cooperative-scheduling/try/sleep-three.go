// Try this: In spawn, make main sleep three seconds instead of one...
package main

import (
	"fmt"
	"time"
)

func eat() {
	fmt.Println("start eating")
	time.Sleep(2 * time.Second) // longer than main is willing to wait
	fmt.Println("eating finished")
}

func sleep() {
	fmt.Println("start sleeping")
	time.Sleep(2 * time.Second)
	fmt.Println("sleeping finished")
}

func main() {
	start := time.Now()
	go eat()
	go sleep()
	// While main sleeps, the scheduler runs the two goroutines.
	time.Sleep(3 * time.Second)
	fmt.Println("main returns after", time.Since(start).Round(time.Millisecond))
	// Returning from main ends the program; the goroutines die mid-sleep.
}
