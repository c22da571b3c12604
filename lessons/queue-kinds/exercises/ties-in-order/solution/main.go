// A priority queue: the lowest number comes out first.
package main

import (
	"container/heap"
	"fmt"
)

type entry struct {
	priority int
	name     string
	seq      int // when the entry was put: the tie-break
}

// byPriority implements heap.Interface; container/heap keeps it ordered.
type byPriority []entry

func (h byPriority) Len() int { return len(h) }

// Less orders by priority, and equal priorities by seq. With no two entries
// equal under Less, the heap has no ties left to settle its own way.
func (h byPriority) Less(i, j int) bool {
	if h[i].priority != h[j].priority {
		return h[i].priority < h[j].priority
	}
	return h[i].seq < h[j].seq
}
func (h byPriority) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *byPriority) Push(x any)   { *h = append(*h, x.(entry)) }
func (h *byPriority) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// PriorityQueue wraps the heap with Put and Get, like Python's queue.PriorityQueue.
type PriorityQueue struct {
	h    byPriority
	next int // the seq of the next entry; it only grows, even as entries leave
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
	for _, name := range []string{"ann", "bob", "cat", "dan", "eve", "fay"} {
		pq.Put(1, name)
	}
	for pq.Len() > 0 {
		priority, name := pq.Get()
		fmt.Printf("(%d, %s)\n", priority, name)
	}
}
