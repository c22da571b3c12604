// run3 holds the lock and calls run1 and run2, which take the same lock again.
// A sync.Mutex is not reentrant, so the first goroutine waits for itself.
package main

import (
	"fmt"
	"sync"
)

var (
	mu        sync.Mutex // guards num and num2
	num, num2 int
)

func run1() int {
	fmt.Println("grab the first part")
	mu.Lock() // already held by this goroutine's run3: waits forever
	defer mu.Unlock()
	num++
	return num
}

func run2() int {
	fmt.Println("grab the second part")
	mu.Lock()
	defer mu.Unlock()
	num2++
	return num2
}

func run3() {
	mu.Lock()
	res := run1()
	fmt.Println("--- between run1 and run2 ---")
	res2 := run2()
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
