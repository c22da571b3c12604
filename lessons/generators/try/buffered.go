// Try this: In channels, make items buffered with make(chan string, 8)...
package main

import "fmt"

func consumer(items <-chan string, acks chan<- string) {
	for item := range items {
		fmt.Println("  consumer ate", item)
		acks <- "thanks for " + item
	}
	close(acks)
}

func main() {
	items := make(chan string, 8)
	acks := make(chan string)
	go consumer(items, acks)

	for i := range 8 {
		item := fmt.Sprintf("potato %d", i)
		fmt.Println("producer sends", item)
		items <- item
		fmt.Println("producer got:", <-acks) // wait for the reply
	}
	close(items) // no more items: the consumer's loop ends
	<-acks       // returns once the consumer has closed acks
	fmt.Println("consumer finished")
}
