//go:build js

package sync

import "syscall/js"

// reportFunc is the host's globalThis.playgroundLockReport(op, goroutine, lock, file,
// line), if the host provides one.
var reportFunc = js.Global().Get("playgroundLockReport")

var reporting = reportFunc.Type() == js.TypeFunction

func send(op string, g int, lock, file string, line int) {
	reportFunc.Invoke(op, g, lock, file, line)
}
