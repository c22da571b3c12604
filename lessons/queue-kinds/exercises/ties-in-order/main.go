// A priority queue: the lowest number comes out first.
package main

import (
	"container/heap"
	"fmt"
)

type entry struct {
	priority int
	name     string
}

// byPriority implements heap.Interface; container/heap keeps it ordered.
type byPriority []entry

func (h byPriority) Len() int           { return len(h) }
func (h byPriority) Less(i, j int) bool { return h[i].priority < h[j].priority }
func (h byPriority) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *byPriority) Push(x any)        { *h = append(*h, x.(entry)) }
func (h *byPriority) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// PriorityQueue wraps the heap with Put and Get, like Python's queue.PriorityQueue.
type PriorityQueue struct {
	h byPriority
}

func (q *PriorityQueue) Put(priority int, name string) {
	heap.Push(&q.h, entry{priority, name})
}

func (q *PriorityQueue) Get() (int, string) {
	e := heap.Pop(&q.h).(entry)
	return e.priority, e.name
}

func (q *PriorityQueue) Len() int { return q.h.Len() }

func main() {
	var pq PriorityQueue
	for _, name := range []string{"ann", "bob", "cat", "dan", "eve", "fay"} {
		pq.Put(1, name)
	}
	for pq.Len() > 0 {
		priority, name := pq.Get()
		fmt.Printf("(%d, %s)\n", priority, name)
	}
}
