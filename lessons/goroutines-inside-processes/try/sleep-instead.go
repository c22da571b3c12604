// Try this: In nojoin, add time.Sleep(3 * time.Second) at the end of main...
// Ten goroutines started and never waited for.
package main

import (
	"fmt"
	"time"
)

func greet(name string) {
	time.Sleep(2 * time.Second)
	fmt.Println("hello", name)
}

func main() {
	for n := range 10 {
		go greet(fmt.Sprintf("bob %d", n))
	}
	fmt.Println("main: started ten goroutines, returning now")
	// main returns here, and the program ends with it: no greeting is printed.
	time.Sleep(3 * time.Second)
}
