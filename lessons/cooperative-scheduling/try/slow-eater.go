// Try this: In join, change eat to sleep five seconds...
package main

import (
	"fmt"
	"sync"
	"time"
)

func eat() {
	fmt.Println("start eating")
	time.Sleep(5 * time.Second)
	fmt.Println("eating finished")
}

func sleep() {
	fmt.Println("start sleeping")
	time.Sleep(2 * time.Second)
	fmt.Println("sleeping finished")
}

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	wg.Go(eat)
	wg.Go(sleep)
	wg.Wait() // blocks exactly as long as the slower one needs, like joinall
	fmt.Println("both done after", time.Since(start).Round(time.Millisecond))
}
