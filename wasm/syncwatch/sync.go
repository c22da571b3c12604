// Package sync is what a playground program gets when it imports "sync": the standard
// package, with Mutex and RWMutex observed. Each lock, wait and unlock is reported to the
// host by a direct call to a JavaScript function (see report_js.go), which does not yield
// to other goroutines, so observing changes no interleaving. When the program deadlocks,
// the page can then say which goroutine holds each lock and where it took it, something
// the runtime's own report cannot tell. Everything else is the standard library's.
//
// The build maps the import path "sync" to this package (importmap in the importcfg) and
// compiles it as "playground/sync"; a learner's code still says sync.Mutex.
package sync

import (
	"runtime"
	"strconv"
	"sync"
)

// The standard library's types and functions, unchanged.
type (
	Cond      = sync.Cond
	Locker    = sync.Locker
	Map       = sync.Map
	Once      = sync.Once
	Pool      = sync.Pool
	WaitGroup = sync.WaitGroup
)

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond { return sync.NewCond(l) }

// OnceFunc returns a function that invokes f only once.
func OnceFunc(f func()) func() { return sync.OnceFunc(f) }

// OnceValue returns a function that invokes f only once and returns its value.
func OnceValue[T any](f func() T) func() T { return sync.OnceValue(f) }

// OnceValues returns a function that invokes f only once and returns its values.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) { return sync.OnceValues(f) }

// Mutex is a sync.Mutex whose use is reported to the playground.
type Mutex struct {
	mu sync.Mutex
}

// Lock locks m, reporting the wait and the acquisition.
func (m *Mutex) Lock() {
	report("want", m, 2)
	m.mu.Lock()
	report("hold", m, 2)
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	ok := m.mu.TryLock()
	if ok {
		report("hold", m, 2)
	}
	return ok
}

// Unlock unlocks m.
func (m *Mutex) Unlock() {
	report("free", m, 2)
	m.mu.Unlock()
}

// RWMutex is a sync.RWMutex whose use is reported to the playground.
type RWMutex struct {
	mu sync.RWMutex
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	report("want", rw, 2)
	rw.mu.Lock()
	report("hold", rw, 2)
}

// TryLock tries to lock rw for writing.
func (rw *RWMutex) TryLock() bool {
	ok := rw.mu.TryLock()
	if ok {
		report("hold", rw, 2)
	}
	return ok
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	report("free", rw, 2)
	rw.mu.Unlock()
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	report("want-read", rw, 2)
	rw.mu.RLock()
	report("hold-read", rw, 2)
}

// TryRLock tries to lock rw for reading.
func (rw *RWMutex) TryRLock() bool {
	ok := rw.mu.TryRLock()
	if ok {
		report("hold-read", rw, 2)
	}
	return ok
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	report("free-read", rw, 2)
	rw.mu.RUnlock()
}

// RLocker returns a Locker that locks rw for reading.
func (rw *RWMutex) RLocker() Locker { return rlocker{rw} }

type rlocker struct{ rw *RWMutex }

func (r rlocker) Lock()   { r.rw.RLock() }
func (r rlocker) Unlock() { r.rw.RUnlock() }

// report tells the host that the calling goroutine does op ("want", "hold", "free", and
// the same with "-read") on lock, from the caller skip frames up.
func report(op string, lock any, skip int) {
	if !reporting {
		return
	}
	_, file, line, _ := runtime.Caller(skip)
	send(op, goroutineID(), strconv.FormatUint(uint64(addr(lock)), 16), file, line)
}

// goroutineID reads the current goroutine's number from its stack header
// ("goroutine 7 [running]:"), the number the runtime's reports use.
func goroutineID() int {
	var b [32]byte
	n := runtime.Stack(b[:], false)
	s := b[:n]
	const prefix = "goroutine "
	if len(s) < len(prefix) {
		return 0
	}
	id := 0
	for _, c := range s[len(prefix):] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + int(c-'0')
	}
	return id
}
