// Try this: In closing, add words <- "tea" just after the close...
// close says "no more values": range stops, and a receive reports ok == false.
package main

import "fmt"

func main() {
	words := make(chan string)
	go func() {
		for _, w := range []string{"bread", "milk", "eggs"} {
			words <- w
		}
		close(words) // the sender closes, once, after its last send
		words <- "tea"
	}()

	for w := range words { // receives until words is closed and empty
		fmt.Println("got", w)
	}
	fmt.Println("the range loop ended: words is closed")

	w, ok := <-words // a receive on a closed channel never waits
	fmt.Printf("one more receive: %q, ok=%v\n", w, ok)

	// Values already in a buffer are still delivered after close.
	left := make(chan int, 3)
	left <- 1
	left <- 2
	close(left)
	for {
		v, ok := <-left
		fmt.Println("left:", v, ok)
		if !ok {
			break
		}
	}
}
