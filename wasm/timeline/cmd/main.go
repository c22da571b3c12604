//go:build js && wasm

// Command timeline is package timeline compiled to WebAssembly for the runner worker. It
// registers a global function playgroundTimeline(trace, origin) that takes a run's trace
// (a Uint8Array) and the trace clock's reading at time 0 (nanoseconds), and returns
// {json} with the timeline as JSON text, or {error}; then it waits to be called.
package main

import (
	"encoding/json"
	"syscall/js"

	"goconcurrency.dev/playground/wasm/timeline"
)

func main() {
	js.Global().Set("playgroundTimeline", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 2 || args[0].Type() != js.TypeObject || args[1].Type() != js.TypeNumber {
			return map[string]any{"error": "playgroundTimeline takes a Uint8Array and a number"}
		}
		data := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(data, args[0])
		tl, err := timeline.Build(data, args[1].Float())
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		out, err := json.Marshal(tl)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		return map[string]any{"json": string(out)}
	}))
	select {}
}
