// Try this: In nowait, make the capacity 0...
// Size, capacity, and sending or receiving without waiting.
package main

import "fmt"

func main() {
	q := make(chan int) // capacity 0: nothing can wait in it

	for i := range 5 {
		select { // like put_nowait: send if there is room, otherwise don't wait
		case q <- i:
			fmt.Printf("put %d   (len %d of cap %d)\n", i, len(q), cap(q))
		default:
			fmt.Printf("queue full, %d not sent\n", i)
		}
	}

	for range 5 {
		select { // like get_nowait: take an item if one is there, otherwise don't wait
		case v := <-q:
			fmt.Printf("got %d   (len %d)\n", v, len(q))
		default:
			fmt.Println("queue empty, nothing to get")
		}
	}
}
