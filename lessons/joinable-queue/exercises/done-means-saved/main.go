// A pool of workers with JoinableQueue's task_done and join.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Store keeps the answers. Saving one takes a moment, like a write to disk.
type Store struct {
	mu      sync.Mutex
	answers map[int]int
}

func NewStore() *Store { return &Store{answers: map[int]int{}} }

func (s *Store) Save(n, answer int) {
	time.Sleep(10 * time.Millisecond)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[n] = answer
}

// Answer returns the saved answer for n, and false if there is none yet.
func (s *Store) Answer(n int) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.answers[n]
	return a, ok
}

// Pool is a queue of numbers with workers that square them and save the answers.
type Pool struct {
	tasks   chan int
	pending sync.WaitGroup // items put but not yet done
	store   *Store
}

// NewPool starts the workers. They run until Close.
func NewPool(workers int, store *Store) *Pool {
	p := &Pool{tasks: make(chan int, 100), store: store}
	for range workers {
		go p.work()
	}
	return p
}

func (p *Pool) work() {
	for n := range p.tasks {
		time.Sleep(20 * time.Millisecond) // squaring is slow today
		answer := n * n
		p.pending.Done() // task_done
		p.store.Save(n, answer)
	}
}

// Put queues n, like JoinableQueue.put.
func (p *Pool) Put(n int) {
	p.pending.Add(1)
	p.tasks <- n
}

// Join waits until every number put so far has been handled, like JoinableQueue.join.
func (p *Pool) Join() { p.pending.Wait() }

// Close stops the workers once the queue is empty.
func (p *Pool) Close() { close(p.tasks) }

func main() {
	store := NewStore()
	pool := NewPool(3, store)
	defer pool.Close()
	for n := range 6 {
		pool.Put(n)
	}
	pool.Join()
	for n := range 6 {
		if a, ok := store.Answer(n); ok {
			fmt.Printf("%d squared is %d\n", n, a)
		} else {
			fmt.Printf("%d: no answer yet\n", n)
		}
	}
}
