// Try this: Reverse the priority: make Less use >...
// A priority queue of (priority, name) pairs: lowest number first, and equal
// priorities in the order they were put in.
package main

import (
	"container/heap"
	"fmt"
)

type entry struct {
	priority int
	name     string
	seq      int // insertion order, to break ties
}

// byPriority implements heap.Interface; container/heap keeps it ordered.
type byPriority []entry

func (h byPriority) Len() int { return len(h) }
func (h byPriority) Less(i, j int) bool {
	if h[i].priority != h[j].priority {
		return h[i].priority > h[j].priority
	}
	return h[i].seq < h[j].seq // a heap is not stable: without seq, ties come out in any order
}
func (h byPriority) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *byPriority) Push(x any)   { *h = append(*h, x.(entry)) }
func (h *byPriority) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// PriorityQueue wraps the heap with Put and Get, like Python's queue.PriorityQueue
// (but without its lock: guard it with a mutex if goroutines share it).
type PriorityQueue struct {
	h    byPriority
	next int // the seq of the next entry
}

func (q *PriorityQueue) Put(priority int, name string) {
	heap.Push(&q.h, entry{priority, name, q.next})
	q.next++
}

func (q *PriorityQueue) Get() (int, string) {
	e := heap.Pop(&q.h).(entry)
	return e.priority, e.name
}

func (q *PriorityQueue) Len() int { return q.h.Len() }

func main() {
	var pq PriorityQueue
	pq.Put(2, "alex")
	pq.Put(1, "wusir")
	pq.Put(1, "yuanhao")
	pq.Put(3, "taibai")

	for pq.Len() > 0 {
		priority, name := pq.Get()
		fmt.Printf("(%d, %s)\n", priority, name)
	}
}
