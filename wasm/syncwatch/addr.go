package sync

import "unsafe"

// addr identifies a lock by its address.
func addr(lock any) uintptr {
	switch l := lock.(type) {
	case *Mutex:
		return uintptr(unsafe.Pointer(l))
	case *RWMutex:
		return uintptr(unsafe.Pointer(l))
	}
	return 0
}
