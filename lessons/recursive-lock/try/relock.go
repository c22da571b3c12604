// Try this: In fixed, make run3 call run1() instead of run1Locked()...
// The Go way: take the lock once. The work moves into helpers that expect the
// caller to hold it, and only the outermost function locks.
package main

import (
	"fmt"
	"sync"
)

var (
	mu        sync.Mutex // guards num and num2
	num, num2 int
)

// run1 and run2 are for callers that do not hold mu.
func run1() int { mu.Lock(); defer mu.Unlock(); return run1Locked() }
func run2() int { mu.Lock(); defer mu.Unlock(); return run2Locked() }

// run1Locked and run2Locked do the work. The caller must hold mu.
func run1Locked() int {
	fmt.Println("grab the first part")
	num++
	return num
}

func run2Locked() int {
	fmt.Println("grab the second part")
	num2++
	return num2
}

func run3() {
	mu.Lock()
	res := run1()
	fmt.Println("--- between run1 and run2 ---")
	res2 := run2Locked()
	mu.Unlock()
	fmt.Println(res, res2)
}

func main() {
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(run3)
	}
	wg.Wait()
	fmt.Println(num, num2)
}
