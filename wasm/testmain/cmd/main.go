//go:build js && wasm

// Command cmd is package testmain compiled to WebAssembly for the browser's "go test".
// It registers playgroundTestMain(filesJSON), which takes the program's files as JSON
// ([{name, source}]) and returns {json} with the testmain.Main, or {error, diagnostics}
// where diagnostics is JSON of the mistakes the editor can mark, and then waits to be
// called.
package main

import (
	"encoding/json"
	"syscall/js"

	"goconcurrency.dev/playground/wasm/testmain"
)

func main() {
	js.Global().Set("playgroundTestMain", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return map[string]any{"error": "playgroundTestMain takes one string"}
		}
		var files []testmain.File
		if err := json.Unmarshal([]byte(args[0].String()), &files); err != nil {
			return map[string]any{"error": err.Error()}
		}
		m, err := testmain.Generate(files)
		if err != nil {
			diags, _ := json.Marshal(testmain.Positions(err))
			return map[string]any{"error": err.Error(), "diagnostics": string(diags)}
		}
		out, err := json.Marshal(m)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		return map[string]any{"json": string(out)}
	}))
	select {}
}
