// Try this: In lifo, pop once more than you pushed...
// Last in, first out: a stack is a slice that grows and shrinks at its end.
package main

import "fmt"

// Stack is not safe for concurrent use; guard it with a mutex if goroutines share it.
type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func main() {
	var s Stack[int]
	for i := range 3 {
		s.Push(i + 1)
		fmt.Println("push", i+1)
	}
	for range 4 { // three pushes, four pops
		v, ok := s.Pop()
		fmt.Println("pop ", v, ok)
	}
}
