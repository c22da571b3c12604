//go:build js && wasm

// Command gofmt is the playground's Format button: go/format compiled to WebAssembly. It
// registers a global function gofmt(source) that returns {source} with the formatted
// program, or {error} with gofmt's message ("12:5: expected ';', found x"), and then
// waits to be called.
package main

import (
	"go/format"
	"syscall/js"
)

func main() {
	js.Global().Set("gofmt", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return map[string]any{"error": "gofmt takes one string"}
		}
		out, err := format.Source([]byte(args[0].String()))
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		return map[string]any{"source": string(out)}
	}))
	select {}
}
