package main

import "fmt"

func main() {
	var keep [][]byte
	for i := 0; ; i++ {
		keep = append(keep, make([]byte, 64<<20))
		if i%4 == 0 {
			fmt.Println("allocated", (i+1)*64, "MiB")
		}
	}
}
